// CloudFront Function (viewer response, cloudfront-js-2.0) for the static site behaviour only.
// A key S3 does not have comes back 403 (the distribution may not list the bucket). Distribution-wide
// custom error pages would also rewrite the API's own 403/404 problem+json answers, so the site's
// behaviour alone sends the visitor to the site's 404 page instead.
var NOT_FOUND_PAGE = '/404.html';

function handler(event) {
  var status = event.response.statusCode;
  if ((status === 403 || status === 404) && event.request.uri !== NOT_FOUND_PAGE) {
    return {
      statusCode: 302,
      statusDescription: 'Found',
      headers: { location: { value: NOT_FOUND_PAGE }, 'cache-control': { value: 'no-store' } },
    };
  }
  return event.response;
}
