// One lunr instance with the stemmers of the site's languages registered on it, shared by the
// build (Node) and the search worker, so index and queries are analysed by the same code.
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import registerFrench from 'lunr-languages/lunr.fr.js';
import registerGerman from 'lunr-languages/lunr.de.js';
import registerSpanish from 'lunr-languages/lunr.es.js';
import registerItalian from 'lunr-languages/lunr.it.js';

stemmerSupport(lunr);
registerFrench(lunr);
registerGerman(lunr);
registerSpanish(lunr);
registerItalian(lunr);

export { lunr };
