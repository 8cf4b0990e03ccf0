// CloudFront Function (viewer request, cloudfront-js-2.0) for the static site behaviour.
// S3 behind Origin Access Control serves exact keys only, so folder URLs are mapped to their index.html
// the way the local server does it (site/server.ts). The signed-in app (/app/...) is one page shell
// (the site build writes the same shell to app/index.html and to each static route's folder) whose
// router reads the path, so every app path without a file extension gets that shell.
var APP_PREFIX = '/app/';
var APP_SHELL = '/app/index.html';

function queryString(querystring) {
  var parts = [];
  for (var name in querystring) {
    var entry = querystring[name];
    var values = entry.multiValue ? entry.multiValue : [entry];
    for (var i = 0; i < values.length; i++) {
      parts.push(values[i].value === '' ? name : name + '=' + values[i].value);
    }
  }
  return parts.length ? '?' + parts.join('&') : '';
}

function handler(event) {
  var request = event.request;
  // "//host" in a Location is scheme-relative (an open redirect), and browsers read "\\" as "/": one slash only.
  var uri = request.uri.replace(/^[\/\\]+/, '/');
  request.uri = uri;
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  var isFile = lastSegment.indexOf('.') !== -1;
  if (!isFile && (uri === '/app' || uri.startsWith(APP_PREFIX))) {
    request.uri = APP_SHELL;
    return request;
  }
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
    return request;
  }
  if (isFile) return request;
  // A folder named without its trailing slash: relative links need the slash, so redirect to it.
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: uri + '/' + queryString(request.querystring) } },
  };
}
