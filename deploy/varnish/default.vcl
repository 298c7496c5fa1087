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
# * keeps two copies of each text answer, one gzip-compressed for clients that accept gzip
#   and one plain for those that do not (curl, bots, load generators), and sends each as
#   stored: no client costs Varnish a gunzip per request (see "Two copies" below);
# * serves stale pages for stale-while-revalidate seconds while it refetches, and up to
#   stale-if-error seconds when no app server is healthy;
# * accepts PURGE (one URL) and BAN (X-Ban-Url: a regex over URLs of that Host) from the
#   `purgers` ACL: that is what Broadsheet's worker sends after each change.
#
# Backends live in backends.vcl (found through vcl_path), so this file stays the same on
# every host. After editing either file: `varnishreload` (Debian) or `varnishadm vcl.load`.
#
# Two copies: with http_gzip_support on (the default) Varnish reduces a looked-up request's
# Accept-Encoding to "gzip" or nothing, asks the app for gzip on every miss and ignores
# Accept-Encoding when it matches Vary, so by itself it keeps one copy for everybody and
# gunzips it for each client without gzip. vcl_recv therefore names the wanted copy in
# X-Encoding ("gzip" or "identity", from req.can_gzip: exactly the clients Varnish would send
# gzip to), vcl_backend_response stores the answer in that encoding and adds X-Encoding to
# its Vary. Both copies share one hash, so a PURGE (all variants of a hash) and a BAN
# (matched on each object's X-Cache-Url) clear both. Clients see `Vary: Accept-Encoding`,
# never X-Encoding.

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

    unset req.http.X-Encoding;  # ours, set below for cache lookups only
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
    # Which stored copy this request wants. req.can_gzip is Varnish's own test (gzip or
    # x-gzip with q > 0), the one that decides whether it sends a client gzip. Not hashed:
    # matched through Vary, so both copies stay under one hash.
    if (req.can_gzip) {
        set req.http.X-Encoding = "gzip";
    } else {
        set req.http.X-Encoding = "identity";
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
    # Varnish asks for gzip on every miss; for the plain copy ask for it plain, so WhiteNoise
    # sends the file as is. X-Encoding itself must stay: the object's Vary key is taken from
    # bereq.
    if (bereq.http.X-Encoding == "identity") {
        unset bereq.http.Accept-Encoding;
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
    # Two copies of text answers (see the top of this file): the one this miss was for is
    # stored in its encoding, compressed once here or plain, and delivered untouched. (Static
    # files come compressed from WhiteNoise when asked for gzip, plain otherwise.)
    if (!bereq.uncacheable && (beresp.http.Content-Encoding
        || beresp.http.Vary ~ "(?i)(^|,)\s*Accept-Encoding\s*(,|$)"
        || beresp.http.Content-Type ~
            "^(text/|application/(json|xml|rss\+xml|atom\+xml|feed\+json|javascript))")) {
        if (bereq.http.X-Encoding == "gzip") {
            if (!beresp.http.Content-Encoding) {
                set beresp.do_gzip = true;
            }
        } elsif (beresp.http.Content-Encoding == "gzip") {
            set beresp.do_gunzip = true;
        }
        # Accept-Encoding for caches after this one (Varnish adds it only to gzip copies),
        # X-Encoding for this one; vcl_deliver takes X-Encoding off again.
        if (!beresp.http.Vary) {
            set beresp.http.Vary = "Accept-Encoding";
        } elsif (beresp.http.Vary !~ "(?i)(^|,)\s*Accept-Encoding\s*(,|$)") {
            set beresp.http.Vary = beresp.http.Vary + ", Accept-Encoding";
        }
        if (beresp.http.Vary !~ "(?i)X-Encoding") {  # already there after a 304
            set beresp.http.Vary = beresp.http.Vary + ", X-Encoding";
        }
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
    if (resp.http.Vary ~ "(?i)X-Encoding") {
        set resp.http.Vary = regsuball(resp.http.Vary, "(?i)(^|,)\s*X-Encoding\s*(?=,|$)", "");
        set resp.http.Vary = regsub(resp.http.Vary, "^\s*,\s*", "");
        if (resp.http.Vary == "") {
            unset resp.http.Vary;
        }
    }
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
