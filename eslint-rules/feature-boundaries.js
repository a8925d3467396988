/**
 * Features compose, never borrow: a file in renderer/src/features/<name>/ may import from
 * another feature's folder only where `compose` allows it (the plan screen its sections, the
 * library the plan-file commands). What two features need belongs in components/ or domain/.
 *
 * Options: { compose: { '<feature>/<file name or *>': ['<feature>', …] or '*' } }.
 */
import path from 'node:path';

const FEATURES = `${path.sep}renderer${path.sep}src${path.sep}features${path.sep}`;

/** The feature a file belongs to and its path inside that feature, or null outside features/. */
function featureOf(file) {
  const at = file.lastIndexOf(FEATURES);
  if (at === -1) return null;
  const inside = file.slice(at + FEATURES.length).split(path.sep);
  return inside.length < 2 ? null : { name: inside[0], file: inside.slice(1).join('/') };
}

function allowed(compose, from, to) {
  for (const key of [`${from.name}/${from.file}`, `${from.name}/*`]) {
    const targets = compose[key];
    if (targets === '*' || (Array.isArray(targets) && targets.includes(to))) return true;
  }
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'A feature imports another feature only to compose it.' },
    schema: [{ type: 'object', properties: { compose: { type: 'object' } }, additionalProperties: false }],
    messages: {
      borrowed: '{{from}} borrows from the {{to}} feature. Move what both need to components/ or domain/; a feature imports another only to compose it.',
    },
  },
  create(context) {
    const compose = context.options[0]?.compose ?? {};
    const from = featureOf(context.filename);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = featureOf(path.resolve(path.dirname(context.filename), source));
      if (!to || to.name === from.name || allowed(compose, from, to.name)) return;
      context.report({ node, messageId: 'borrowed', data: { from: `features/${from.name}/${from.file}`, to: to.name } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
