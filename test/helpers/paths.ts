/** Where things are, seen from the compiled tests (dist/test/helpers → the repository root). */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
