// axe-core on every page and dialog of the console, for each role, in Chinese (see accessibility.ts).
import { describeAccessibility } from './accessibility';

describeAccessibility('zh');
