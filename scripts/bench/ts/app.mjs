// node app.mjs <astro dist folder> <cdk.out folder>
// The TypeScript side of scripts/bench-synth.sh: the same one-site stack as tools/bench-synth/Program.cs, built with the
// original @astro-aws/constructs (export AstroAWS, props { outDir }). Fixed account and region, as on the C# side.
import { App, Stack } from "aws-cdk-lib"
import { AstroAWS } from "@astro-aws/constructs"

const [outDir, cdkOut] = process.argv.slice(2)
if (!outDir || !cdkOut) {
	console.error("usage: node app.mjs <astro dist folder> <cdk.out folder>")
	process.exit(2)
}

const app = new App({ outdir: cdkOut })
const stack = new Stack(app, "Bench", { env: { account: "123456789012", region: "eu-west-1" } })
new AstroAWS(stack, "Site", { outDir })
app.synth()
