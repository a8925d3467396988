import type { Rule } from 'eslint';

/** Features compose, never borrow (see feature-boundaries.js). */
declare const rule: Rule.RuleModule;
export default rule;
