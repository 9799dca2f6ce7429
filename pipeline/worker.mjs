// Piscina worker entry: TypeScript is loaded through tsx, once per worker,
// and so is the jieba dictionary (on the first document).
import { register } from 'tsx/esm/api';
register();
const mod = await import('./worker-task.ts');
export default mod.default;
