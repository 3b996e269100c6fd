// replace-symlinks: every repository case in __testfixtures__/replace-symlinks/repos runs through the
// engine, the dry-run patch through real `git apply`, and --apply, compared as whole trees.
import { describeFixtures } from '../../../helpers/fixtures.js';

describeFixtures('replace-symlinks');
