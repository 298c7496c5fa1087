# Varnish in front of Broadsheet's app servers (Varnish 7.x; Debian's `varnish` package).
#
#   varnishd -a 127.0.0.1:6081 -f /etc/broadsheet/varnish/default.vcl \
#            -p vcl_path=/etc/broadsheet/varnish -s malloc,1G
#
# What it does:
# * caches what the app marks `public, s-maxage=…` and nothing else: the app decides
#   (broadsheet/caching/middleware.py), this file only refuses to cache what could be
#   per-reader even if the app got it wrong (Set-Cookie, private, no-store);
# * passes admin, accounts, comment posting, POSTs and every request that carries a cookie
#   other than the CSRF and analytics cookies (the same list the middleware ignores);
# * stores text answers gzip-compressed and sends them so to every client that accepts it;
# * serves stale pages for stale-while-revalidate seconds while it refetches, and up to
#   stale-if-error seconds when no app server is healthy;
# * accepts PURGE (one URL) and BAN (X-Ban-Url: a regex over URLs of that Host) from the
#   `purgers` ACL: that is what Broadsheet's worker sends after each change.
#
# Backends live in backends.vcl (found through vcl_path), so this file stays the same on
# every host. After editing either file: `varnishreload` (Debian) or `varnishadm vcl.load`.

vcl 4.1;

import std;

include "backends.vcl";

# Who may PURGE and BAN: the hosts running `broadsheet worker`. Add them here.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.X-Ban-Url) {
            return (synth(400, "X-Ban-Url missing"));
        }
        # Matches headers stored on the object, so the ban lurker can clear them in the
        # background instead of every lookup testing every ban.
        ban("obj.http.X-Cache-Host == " + req.http.Host +
            " && obj.http.X-Cache-Url ~ " + req.http.X-Ban-Url);
        return (synth(200, "Banned"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|accounts|comments|documents)/" || req.url ~ "^/(healthz|readyz)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }

    # Cookies that never change a page are dropped for the cache lookup; any other cookie
    # (session, messages, a signed-in reader's) means the request goes to the app untouched.
    if (req.http.Cookie) {
        set req.http.X-Original-Cookie = req.http.Cookie;
        set req.http.Cookie = ";" + req.http.Cookie;
        set req.http.Cookie = regsuball(req.http.Cookie, "; +", ";");
        set req.http.Cookie = regsuball(req.http.Cookie,
            ";(csrftoken|_ga[^=]*|_gid|_gat[^=]*|_pk_[^=]*|__utm[^=]*|_fbp)=[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^;+", "");
        if (req.http.Cookie ~ "^\s*$") {
            unset req.http.Cookie;
            unset req.http.X-Original-Cookie;
        } else {
            set req.http.Cookie = req.http.X-Original-Cookie;
            unset req.http.X-Original-Cookie;
            return (pass);
        }
    }

    # Healthy app servers: serve a stale page only for stale-while-revalidate (the app's
    # default, BROADSHEET_CACHE_STALE_WHILE_REVALIDATE). None healthy: up to stale-if-error.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 30s;
    }
    return (hash);
}

sub vcl_hash {
    # http and https answers differ (redirects, absolute links): never share them.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_fetch {
    if (bereq.retries > 0) {
        set bereq.backend = app.backend();
    }
}

sub vcl_backend_response {
    set beresp.http.X-Cache-Host = bereq.http.Host;
    set beresp.http.X-Cache-Url = bereq.url;

    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # Keep serving the stale copy rather than replacing it with an error.
        return (abandon);
    }
    if (beresp.http.Set-Cookie
        || !beresp.http.Cache-Control
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.status >= 500) {
        # Not for sharing. Remember that for a short while so requests are not queued
        # behind each other waiting for a cacheable answer (hit-for-miss).
        set beresp.ttl = 10s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Pages are stored compressed, once: readers' browsers all accept gzip, and Varnish
    # unpacks the copy for the rare client that does not. (Static files come compressed
    # already from WhiteNoise.)
    if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~
        "^(text/|application/(json|xml|rss\+xml|atom\+xml|feed\+json|javascript))") {
        set beresp.do_gzip = true;
    }
    # beresp.ttl already comes from s-maxage (or max-age for static files).
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1s"), 30s);
    } elsif (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1s"), 30s);
    }
    return (deliver);
}

sub vcl_backend_error {
    # The app server went away mid-request (restart, crash): try another one, once, for
    # requests that are safe to repeat.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Url;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
