// CloudFront Function (JavaScript runtime 2.0), viewer request of the API behaviour.
// HTTP API routes cannot end in a slash, so `/users/` and `/users/7/` are sent on as
// `/users` and `/users/7`; `/` stays. The local gateway strips the same single slash.
// The query string is a separate field of the event and is kept.
function handler(event) {
  var request = event.request;
  if (request.uri.length > 1 && request.uri.endsWith('/')) {
    request.uri = request.uri.slice(0, -1);
  }
  return request;
}
