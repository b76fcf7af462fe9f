import { start } from './main.js';

/** Workers alone, without HTTP: `npm run start:worker`. */
void start({ runApi: false, runWorkers: true });
