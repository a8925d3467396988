import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ESLint, RuleTester } from 'eslint';
import rule from '../../../eslint-rules/feature-boundaries.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const feature = (file: string) => path.join(root, 'renderer/src/features', file);

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const compose = { 'plan/PlanScreen.tsx': '*', 'library/*': ['plan-file'] };

describe('features compose, never borrow', () => {
  tester.run('feature-boundaries', rule, {
    valid: [
      { filename: feature('resources/ResourcesSection.tsx'), code: "import { x } from './grid-model'; import { y } from '../../domain/budget'; import { z } from '../../components/grid-navigation';", options: [{ compose }] },
      { filename: feature('plan/PlanScreen.tsx'), code: "import { ResourcesSection } from '../resources/ResourcesSection'; const s = import('../schools/SchoolsSection');", options: [{ compose }] },
      { filename: feature('library/LibraryScreen.tsx'), code: "import { usePlanFiles } from '../plan-file/use-plan-files';", options: [{ compose }] },
      { filename: path.join(root, 'renderer/src/app/App.tsx'), code: "import { LibraryScreen } from '../features/library/LibraryScreen';", options: [{ compose }] },
    ],
    invalid: [
      { filename: feature('resources/AllocationGrid.tsx'), code: "import { moveInGrid } from '../tight-loose/matrix-model';", options: [{ compose }], errors: [{ messageId: 'borrowed' }] },
      { filename: feature('schools/LeanPanel.tsx'), code: "export { positionEditLabel } from '../decisions/decision-rules';", options: [{ compose }], errors: [{ messageId: 'borrowed' }] },
      { filename: feature('plan/OverviewSection.tsx'), code: "const s = import('../schools/SchoolsSection');", options: [{ compose }], errors: [{ messageId: 'borrowed' }] },
      { filename: feature('library/LibraryScreen.tsx'), code: "import { RoadmapSection } from '../roadmap/RoadmapSection';", options: [{ compose }], errors: [{ messageId: 'borrowed' }] },
    ],
  });

  it('is on in the project\'s lint: a borrowed import in a section fails `npm run lint`', async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText("import { phaseSpan } from '../tight-loose/matrix-model';\nexport const span = phaseSpan;\n", { filePath: feature('resources/borrowing-fixture.ts') });
    expect(result?.messages.map((m) => m.ruleId)).toContain('local/feature-boundaries');
  }, 30_000);
});
