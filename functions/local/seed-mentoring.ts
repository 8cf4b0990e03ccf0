import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fixedClock } from '../core/clock.ts';
import { principalFromUser } from '../core/users.ts';
import type { Availability, ExpertProfile, WeeklyWindow } from '../bookings/domain/model.ts';
import { dynamoBookingStore } from '../bookings/dynamo-store.ts';
import { expertsService } from '../bookings/experts-service.ts';
import { bookingService } from '../bookings/service.ts';
import { seedUser } from './seed-data.ts';

const DAY = 86_400_000;
const WORKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

function weekdays(...windows: Array<[string, string]>): WeeklyWindow[] {
  return WORKDAYS.flatMap((day) => windows.map(([start, end]) => ({ day, start, end })));
}

type SeedExpert = Omit<ExpertProfile, 'id' | 'name' | 'email' | 'availability'> & { email: string; availability: Availability };

/** The three demo experts; their ids, names and e-mails come from the seeded users. */
export const SEED_EXPERTS: SeedExpert[] = [
  {
    email: 'ana@support.example',
    bio: 'Ran multi-node training on LUMI-G for three years; ports CUDA code to ROCm and tunes RCCL on Slingshot.',
    expertise: ['distributed-training', 'amd-rocm-lumi'], skills: ['PyTorch DDP', 'FSDP', 'RCCL', 'HIP'],
    languages: ['en', 'es'], systems: ['LUMI', 'MareNostrum 5'], timeZone: 'Europe/Madrid',
    meetingLink: 'https://video.support.example/ana-garcia',
    availability: { timeZone: 'Europe/Madrid', slotMinutes: 60, weekly: weekdays(['09:00', '12:00'], ['14:00', '17:00']), exceptions: [], bufferMinutes: 0, noticeHours: 24, horizonDays: 60 },
  },
  {
    email: 'mikko@support.example',
    bio: 'Packages AI stacks as Apptainer images and teaches Slurm to teams new to supercomputers.',
    expertise: ['containers-apptainer', 'slurm-basics'], skills: ['Apptainer', 'Singularity', 'Slurm', 'EasyBuild'],
    languages: ['en', 'fi'], systems: ['LUMI', 'Leonardo', 'Karolina'], timeZone: 'Europe/Helsinki',
    meetingLink: 'https://video.support.example/mikko-virtanen',
    availability: { timeZone: 'Europe/Helsinki', slotMinutes: 45, weekly: weekdays(['10:00', '12:00'], ['13:00', '16:00']), exceptions: [], bufferMinutes: 15, noticeHours: 24, horizonDays: 60 },
  },
  {
    email: 'giulia@support.example',
    bio: 'Fine-tunes and serves open LLMs on NVIDIA systems, from A100 to Grace Hopper.',
    expertise: ['llm-finetuning', 'nvidia-cuda-arm'], skills: ['LoRA', 'DeepSpeed', 'vLLM', 'CUDA'],
    languages: ['en', 'it'], systems: ['Leonardo', 'JUPITER', 'MeluXina'], timeZone: 'Europe/Rome',
    meetingLink: 'https://video.support.example/giulia-rossi',
    availability: { timeZone: 'Europe/Rome', slotMinutes: 30, weekly: weekdays(['09:30', '12:30']), exceptions: [], bufferMinutes: 0, noticeHours: 24, horizonDays: 60 },
  },
];

const asRequester = (email: string) => principalFromUser(seedUser(email), 'requester');

/** Expert profiles, their availability, and two demo bookings made through the service (so they obey its rules). */
export async function seedMentoring({ db, tableName, now }: { db: DynamoDBDocumentClient; tableName: string; now: Date }): Promise<void> {
  const store = dynamoBookingStore(db, tableName);
  for (const { availability, email, ...profile } of SEED_EXPERTS) {
    const user = seedUser(email);
    await store.putExpertProfile({ ...profile, id: user.id, name: user.name, email });
    await store.setAvailability({ id: user.id, name: user.name, email }, availability);
  }
  const clock = fixedClock(now);
  const experts = expertsService({ store, clock });
  const bookings = bookingService({ store, clock, tickets: { find: async () => undefined } });
  const demo = [
    { requester: 'maria@aurora-ai.example', expert: 'u-ana', topic: 'Scaling FSDP from one to four LUMI-G nodes', system: 'LUMI' as const },
    { requester: 'lea@basalt-labs.example', expert: 'u-giulia', topic: 'LoRA fine-tuning a 7B model on Leonardo', system: 'Leonardo' as const },
  ];
  for (const { requester, expert, topic, system } of demo) {
    const { slots } = await experts.slots(expert, { from: new Date(now.getTime() + 3 * DAY), to: new Date(now.getTime() + 10 * DAY) });
    if (slots[0]) await bookings.create(asRequester(requester), { expertId: expert, start: slots[0].start, topic, system });
  }
}
