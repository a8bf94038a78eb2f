// axe-core on every page and dialog of the console for the tenant roles other than ADMIN, in Chinese
// (see accessibility.ts; the ADMIN and platform walk is accessibility.zh.e2e.ts).
import { describeAccessibility } from './accessibility';

describeAccessibility('zh', 'roles');
