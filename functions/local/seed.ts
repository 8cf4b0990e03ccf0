import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fixedClock } from '../core/clock.ts';
import { organisationItem } from '../core/organisations.ts';
import { principalFromUser, type UserDirectory } from '../core/users.ts';
import { ticketService } from '../tickets/service.ts';
import type { TicketStore } from '../tickets/store.ts';
import { SEED_ORGANISATIONS, SEED_USERS, seedUser } from './seed-data.ts';
import { seedMentoring } from './seed-mentoring.ts';
import { seedRouting } from './seed-routing.ts';

const HOUR = 3_600_000;
const asPrincipal = (email: string) => principalFromUser(seedUser(email));
const asRequester = (email: string) => principalFromUser(seedUser(email), 'requester');

export interface SeedDeps {
  db: DynamoDBDocumentClient;
  tableName: string;
  users: UserDirectory;
  tickets: TicketStore;
  now: Date;
}

/** A few tickets in various states, written through the service so they obey the same rules as real ones. */
async function seedTickets({ users, tickets, now }: SeedDeps): Promise<void> {
  const clock = fixedClock(new Date(now.getTime() - 72 * HOUR));
  const service = ticketService({ store: tickets, users, clock });
  const maria = asRequester('maria@aurora-ai.example');
  const jonas = asRequester('jonas@aurora-ai.example');
  const lea = asRequester('lea@basalt-labs.example');
  const ana = asPrincipal('ana@support.example');
  const mikko = asPrincipal('mikko@support.example');
  /** A ticket opened `hours` before now; the clock runs on from there for what happens to it next. */
  const openedAgo = async (hours: number, ...[requester, input]: Parameters<typeof service.create>) => {
    clock.set(new Date(now.getTime() - hours * HOUR));
    return (await service.create(requester, input)).ticket;
  };

  const nccl = await openedAgo(72, maria, {
    subject: 'Multi-node PyTorch job on LUMI hangs at NCCL init',
    body: 'Our 4-node DDP job on `standard-g` prints nothing after `init_process_group`. Single node works.\n\n```\nsrun torchrun --nnodes=4 --nproc_per_node=8 train.py\n```',
    category: 'ai-training-and-inference', priority: 'high', system: 'LUMI', projectId: 'project_465001234', jobId: '8812345',
  });
  clock.advance(3 * HOUR);
  await service.patch(ana, nccl.id, { assigneeId: ana.id }, nccl.version);
  clock.advance(HOUR);
  const reply = await service.addMessage(ana, nccl.id, {
    body: 'On LUMI, RCCL needs the Slingshot plugin: load the `aws-ofi-rccl` module and set `NCCL_SOCKET_IFNAME=hsn0,hsn1,hsn2,hsn3`. Could you try and send the job output?',
    internal: false,
  });
  clock.advance(10 * 60_000);
  await service.addMessage(ana, nccl.id, { body: 'Likely the missing OFI plugin; seen three times this month.', internal: true });
  await service.patch(ana, nccl.id, { status: 'waiting' }, reply.ticket.version + 1);

  const quota = await openedAgo(30, jonas, {
    subject: 'Disk quota exceeded on Leonardo scratch while unpacking dataset',
    body: 'Unpacking 2 million JPEG files fails with `Disk quota exceeded`. Is there a better way to stage ImageNet-sized data?',
    category: 'data-and-storage', priority: 'normal', system: 'Leonardo',
  });
  clock.advance(5 * HOUR);
  await service.patch(mikko, quota.id, { assigneeId: mikko.id }, quota.version);

  await openedAgo(6, lea, {
    subject: 'Which access call fits a 20,000 GPU-hour fine-tuning project?',
    body: 'We are a 6-person start-up in Lyon fine-tuning a 7B model. Playground or Fast Lane?',
    category: 'access-and-allocations', priority: 'normal',
  });

  const apptainer = await openedAgo(50, maria, {
    subject: 'Converting our Docker image to Apptainer on MareNostrum 5',
    body: 'How do we run our CUDA 12 Docker image on MN5 ACC nodes without root?',
    category: 'software-and-containers', priority: 'low', system: 'MareNostrum 5',
  });
  clock.advance(2 * HOUR);
  const answered = await service.addMessage(mikko, apptainer.id, {
    body: 'Build a SIF elsewhere with `apptainer build image.sif docker-daemon://image:tag`, copy it over and run it with `apptainer exec --nv`.',
    internal: false,
  });
  clock.advance(HOUR);
  await service.patch(mikko, apptainer.id, { status: 'resolved' }, answered.ticket.version);
}

/** The item that says the demo data is in (the local server's only item of its own). */
export const SEED_MARKER_KEY = { pk: 'META', sk: 'SEED' } as const;

/** Seeds once: organisations, demo users, tickets, mentoring and routing. A marker item makes later starts skip it. */
export async function seedDemoData(deps: SeedDeps): Promise<boolean> {
  const marker = SEED_MARKER_KEY;
  const { Item } = await deps.db.send(new GetCommand({ TableName: deps.tableName, Key: marker }));
  if (Item) return false;
  for (const org of SEED_ORGANISATIONS) {
    await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: organisationItem(org) }));
  }
  for (const user of SEED_USERS) await deps.users.put(user);
  await seedTickets(deps);
  await seedMentoring(deps);
  await seedRouting(deps);
  await deps.db.send(new PutCommand({ TableName: deps.tableName, Item: { ...marker, at: deps.now.toISOString() } }));
  return true;
}
