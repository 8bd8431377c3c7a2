using Astro.Aws.Preview;

return await PreviewCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
