-- POSTs Chat API v2 requestChat (URL-encoded form): callback.sh's chats left open over a restart.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "nickname=Bench%20Customer&subject=restart"
