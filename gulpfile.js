// Copies the SVG icons next to the compiled code. `n8n-node build` does this itself; plain `tsc`
// (and `npm run build:watch`) does not, so a watch build would otherwise lose every icon.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['icons/**/*.svg', 'nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

exports['build:icons'] = buildIcons;
exports.default = buildIcons;
