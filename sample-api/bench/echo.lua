-- POST /echo with a small JSON document (the seeds' echo call).
wrk.method = "POST"
wrk.body = '{"message":"hello","count":42,"tags":["a","b","c"],"nested":{"ok":true}}'
wrk.headers["Content-Type"] = "application/json"
