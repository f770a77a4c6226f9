/**
 * zod, set up once for a process that parses a reply or two and exits. By default zod compiles
 * each object schema into a specialised function on its first use, which pays only over many
 * parses; here it costs more than it saves, so schemas are interpreted. Import `z` from here.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
