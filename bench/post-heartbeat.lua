-- wrk script: POSTs the same binary-mode CloudEvent as dev.tributary.bench.BenchEvents.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["ce-specversion"] = "1.0"
wrk.headers["ce-type"] = "dev.knative.eventing.samples.heartbeat"
wrk.headers["ce-source"] = "https://knative.dev/eventing-contrib/cmd/heartbeats/#event-test/mypod"
wrk.headers["ce-id"] = "bench-1"
wrk.headers["ce-the"] = "42"
wrk.headers["ce-heart"] = "yes"
wrk.headers["ce-beats"] = "true"
wrk.body = '{"id":1,"label":""}'
