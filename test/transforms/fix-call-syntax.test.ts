// fix-call-syntax: every fixture case, plus the python3 oracle on every Python fixture.
import { describeFixtures } from '../helpers/fixtures.js';

describeFixtures('fix-call-syntax');
