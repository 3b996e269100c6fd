// A third-party-style jscodeshift transform (CommonJS, as most published ones are):
// renames every identifier `options.from` (default `foo`) to `options.to` (default `bar`).
module.exports = function transform(file, api, options) {
  const j = api.jscodeshift;
  const from = options.from || 'foo';
  const to = options.to || 'bar';
  const root = j(file.source);
  const found = root.find(j.Identifier, { name: from });
  if (found.size() === 0) return file.source;
  found.forEach((path) => {
    path.node.name = to;
  });
  return root.toSource();
};
