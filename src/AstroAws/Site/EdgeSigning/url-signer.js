'use strict';
// AstroAws's body signer: a Lambda@Edge origin-request function on the behaviors whose origin is the server's
// function URL behind an Origin Access Control. CloudFront signs the origin request after this function runs, and
// Lambda refuses a POST or PUT whose signed request lacks the body's SHA-256 in x-amz-content-sha256, which browsers
// never send (form posts, Astro Actions, webhooks). So the header is set here, from the body itself.
const { createHash } = require('crypto');

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const body = request.body;
  if (!body || !body.data) {
    // GET, HEAD, OPTIONS and bodiless requests: nothing to hash; a viewer's own value would only be wrong.
    delete request.headers['x-amz-content-sha256'];
    return request;
  }

  if (body.inputTruncated) {
    // CloudFront passed only the first 1 MB: a hash of part of the body would be refused by Lambda as a bad signature.
    return {
      status: '413',
      statusDescription: 'Payload Too Large',
      headers: { 'content-type': [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }] },
      body: 'The request body is larger than 1 MB, the most CloudFront lets the signing function read.',
    };
  }

  const bytes = Buffer.from(body.data, body.encoding === 'base64' ? 'base64' : 'utf8');
  request.headers['x-amz-content-sha256'] = [
    { key: 'x-amz-content-sha256', value: createHash('sha256').update(bytes).digest('hex') },
  ];
  return request;
};
