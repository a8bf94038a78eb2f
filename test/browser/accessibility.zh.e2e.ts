// axe-core on login, the platform administrator's and the tenant ADMIN's pages and dialogs, in Chinese (see accessibility.ts).
import { describeAccessibility } from './accessibility';

describeAccessibility('zh', 'admin');
