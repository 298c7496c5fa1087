# The app servers behind Varnish: one `backend` per `broadsheet serve`, all in the `app`
# director. Included by default.vcl; edit this file when adding or removing app servers.

import directors;

# A stopped server refuses the probe at once and is out after 3 failures of 5; a busy one
# has 5 s to answer before it counts as down (a short timeout takes every server out at once
# under heavy load).
probe broadsheet_ready {
    .url = "/readyz";
    .interval = 2s;
    .timeout = 5s;
    .window = 5;
    .threshold = 3;
}

backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = broadsheet_ready;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

# backend app2 {
#     .host = "10.0.0.12";
#     .port = "8000";
#     .probe = broadsheet_ready;
# }

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    # app.add_backend(app2);
}
