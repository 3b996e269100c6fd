// rewrite-imports: every fixture case (single files and repositories), run twice by the harness.
import { describeFixtures } from '../helpers/fixtures.js';

describeFixtures('rewrite-imports');
