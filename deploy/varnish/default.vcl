# Varnish in front of Broadsheet's app servers (Varnish 7.x; Debian's `varnish` package, with
# `varnish-modules` for vmod_xkey).
#
#   varnishd -a 127.0.0.1:6081 -f /etc/broadsheet/varnish/default.vcl \
#            -p vcl_path=/etc/broadsheet/varnish -s malloc,1G
#
# What it does:
# * caches what the app marks `public, s-maxage=…` and nothing else: the app decides
#   (broadsheet/caching/middleware.py), this file only refuses to cache what could be
#   per-reader even if the app got it wrong (Set-Cookie, private, no-store);
# * passes admin, accounts, comment posting, newsletter steps (/subscriptions/), Wagtail's
#   private-page forms (/_util/), POSTs and
#   every request that carries a cookie other than the CSRF and analytics cookies (the same
#   list the middleware ignores);
# * before looking a page up, keeps only the query parameters that page reads, sorted, so
#   ?utm_source=…, ?fbclid=… or a random ?r=123 neither misses the cache nor reaches the app
#   (see "Query strings" below); the content API's anonymous GETs are looked up like pages,
#   with the parameters its operations declare, and requests with an API key are passed;
# * refuses request bodies over the app's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) with 413,
#   outside the admin, and keeps the others so that a request can be sent again;
# * sends a request to another app server when the one it went to refused the connection
#   (see "Retries" below);
# * keeps two copies of each text answer, one gzip-compressed for clients that accept gzip
#   and one plain for those that do not (curl, bots, load generators), and sends each as
#   stored: no client costs Varnish a gunzip per request (see "Two copies" below);
# * serves stale pages for stale-while-revalidate seconds while it refetches, and up to
#   stale-if-error seconds when no app server is healthy; with no copy to serve, readers get
#   the page in unavailable.vcl (JSON clients a JSON body), 503 with Retry-After, and never
#   Varnish's own "Guru Meditation";
# * assembles pages that carry edge includes (ESI): it tells the app it can, on every request
#   it looks up (Surrogate-Capability), and fills `<esi:include src="/breaking/"/>` in from
#   its own store on every delivery. Pages carry the include only while a breaking news
#   banner runs, so a banner replacing the last purges one small object; with none running
#   they include nothing and are sent as stored (broadsheet/caching/edge.py,
#   broadsheet/site/breaking.py);
# * stores each answer under the surrogate keys its Surrogate-Key header names (what the page
#   shows: `page-12`, `section-4`, `comments-12`, `site`…; broadsheet/caching/keys.py), and
#   accepts from the `purgers` ACL a PURGE of one URL or, with an `xkey-purge` header, of
#   every object that named one of the keys it lists: that is what Broadsheet's worker sends
#   after each change. Readers never see the keys.
#
# Backends live in backends.vcl and the unavailable page in unavailable.vcl (both found
# through vcl_path), so this file stays the same on every host. After editing any of them:
# `varnishreload` (Debian) or `varnishadm vcl.load`.
#
# Two copies: with http_gzip_support on (the default) Varnish reduces a looked-up request's
# Accept-Encoding to "gzip" or nothing, asks the app for gzip on every miss and ignores
# Accept-Encoding when it matches Vary, so by itself it keeps one copy for everybody and
# gunzips it for each client without gzip. vcl_recv therefore names the wanted copy in
# X-Encoding ("gzip" or "identity", from req.can_gzip: exactly the clients Varnish would send
# gzip to), vcl_backend_response stores the answer in that encoding and adds X-Encoding to
# its Vary. Both copies share one hash and name the same keys, so a PURGE of the URL (all
# variants of a hash) and a PURGE by key clear both. Clients see `Vary: Accept-Encoding`,
# never X-Encoding.
#
# Query strings: normalise_query (below) lists, per kind of page, the parameters the app
# reads there; the rest are dropped and what is left is sorted, for the cache key and for the
# request the app gets. A page that starts reading a new parameter must be listed there too;
# tests/core/test_varnish_rules.py reads the lists from this file and fails until it is.
# Passed requests (admin, comments, cookies…) keep their query string untouched.
#
# Retries: Varnish 7.1 tells VCL that a fetch failed, not why (the reason is only in the
# log), but VCL knows how long it took. A connection refused by a stopped app server (one the
# probe has not caught up with yet) fails in well under a millisecond; storing a comment
# takes an app server tens of milliseconds (about 50 on the test machine). So a request of
# any method that failed within 10 ms cannot have been acted on and is sent to another app
# server, with the body kept in vcl_recv. One that failed later may have been (a server
# killed mid-request, a first byte timeout): only GET and HEAD are tried again then, so a
# comment is never stored twice. A server that does not answer its connect at all (host
# down) costs .connect_timeout and then counts as "later".

vcl 4.1;

import std;
import xkey;

include "backends.vcl";
include "unavailable.vcl";

# Who may PURGE: the hosts running `broadsheet worker`. Add them here.
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
        if (req.http.xkey-purge) {
            if (req.http.xkey-purge !~ "[^\s,]") {
                return (synth(400, "xkey-purge names no key"));
            }
            # Hard purge: the next reader gets the new page, not a stale copy in grace.
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.X-Purged));
        }
        return (purge);
    }

    unset req.http.X-Encoding;  # ours, set below for cache lookups only
    unset req.http.Surrogate-Capability;  # likewise: only this cache says what it can do
    if (req.method != "GET" && req.method != "HEAD") {
        call keep_request_body;
        return (pass);
    }
    if (req.url ~ "^/(admin|accounts|comments|documents|subscriptions|_util)/" ||
        req.url ~ "^/(healthz|readyz)") {
        return (pass);
    }
    # A key's answers are its own (rate-limit counts, drafts): the content API with a key
    # goes to the app untouched. Without one, /api/ is cached like a page.
    if (req.http.Authorization || req.http.X-Api-Key) {
        return (pass);
    }
    if (req.url ~ "^/api/") {
        # An article answers JSON or NINJS by Accept (and says Vary: Accept): two copies,
        # whatever else clients write in the header.
        if (req.http.Accept ~ "(?i)application/ninjs\+json") {
            set req.http.Accept = "application/ninjs+json";
        } else {
            set req.http.Accept = "application/json";
        }
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

    call normalise_query;
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
    # What is looked up here may carry edge includes; passed requests get whole pages.
    set req.http.Surrogate-Capability = {"broadsheet="ESI/1.0""};
    return (hash);
}

sub keep_request_body {
    # Outside the admin (photo and document uploads, up to nginx's client_max_body_size) a
    # body is a form: a comment, a sign-in, a report. 2621440 bytes is Django's
    # DATA_UPLOAD_MAX_MEMORY_SIZE, over which the app refuses a form anyway (400); refusing
    # it here (413) spares the app and answers cleanly (the app would answer before reading
    # the body, and Varnish, still sending it, would see the connection cut: 503).
    if (req.url ~ "^/admin/") {
        return;
    }
    if (std.integer(req.http.Content-Length, 0) > 2621440) {
        return (synth(413, "Content Too Large"));
    }
    # Kept so that it can be sent again to another app server (see "Retries" at the top).
    # A chunked body has no length up front: it is read (at most nginx's 50 MB), then
    # measured; Varnish gives it a Content-Length for the app, which gunicorn needs to pass
    # a body to Django at all. Over 50 MB Varnish can only close the connection: after a
    # body it could not read it has no answer to send.
    if (!std.cache_req_body(50MB)) {
        return (synth(413, "Content Too Large"));
    }
    if (std.integer(req.http.Content-Length, 0) > 2621440) {
        return (synth(413, "Content Too Large"));
    }
}

sub normalise_query {
    # Keep the query parameters the page reads (broadsheet/site, comments, feeds), drop the
    # rest: tracking tags, cache-busters, typos. One branch per kind of page; each regsuball
    # removes every parameter whose name is not in its list. First match wins.
    if (req.url ~ "^/api/") {
        # the content API: every query parameter its operations declare (the OpenAPI
        # document; tests/core/test_varnish_rules.py compares the two)
        set req.url = regsuball(req.url,
            "(?<=[?&])(?!(?:author|cursor|fields|format|language|limit|path|preview|published_before|published_since|q|section|status|story|tag|updated_before|updated_since)(?:=|&|$))[^&]*(?:&|$)", "");
    } elsif (req.url ~ "^/search/") {
        # SearchForm (q, section, since, until) and its pages
        set req.url = regsuball(req.url,
            "(?<=[?&])(?!(?:q|section|since|until|page)(?:=|&|$))[^&]*(?:&|$)", "");
    } elsif (req.url ~ "^/sitemap-[^/?]+\.xml") {
        # Django's sitemap views: ?p=N
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:p)(?:=|&|$))[^&]*(?:&|$)", "");
    } elsif (req.url ~ "^/(authors|topics|archive)/") {
        # listings: numbered pages, then the keyset cursor
        set req.url = regsuball(req.url,
            "(?<=[?&])(?!(?:page|before)(?:=|&|$))[^&]*(?:&|$)", "");
    } elsif (req.url ~ "^/((feeds|static|media)/|(robots\.txt|favicon\.ico|sitemap\.xml)?(\?|$))") {
        # the front page, feeds, static files, robots.txt, the sitemap index: none at all
        set req.url = regsub(req.url, "\?.*$", "");
    } else {
        # Wagtail's pages: a section's listing pages, an article's comment pages and order,
        # a live blog's older entries and poll answers (after)
        set req.url = regsuball(req.url,
            "(?<=[?&])(?!(?:page|before|after|sort)(?:=|&|$))[^&]*(?:&|$)", "");
    }
    set req.url = std.querysort(req.url);
    set req.url = regsub(req.url, "[?&]+$", "");  # an empty or emptied query string
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
    unset beresp.http.X-Edge-Error;  # ours: only vcl_backend_error sets it
    # vmod_xkey reads the keys from the xkey header of the stored object.
    unset beresp.http.xkey;
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        unset beresp.http.Surrogate-Key;
    }

    # A page with edge includes (broadsheet/caching/edge.py): assembled on each delivery.
    if (beresp.http.Surrogate-Control ~ "ESI/1\.0") {
        unset beresp.http.Surrogate-Control;
        set beresp.do_esi = true;
    }

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
    if (beresp.http.Cache-Control ~ "proxy-revalidate|must-revalidate") {
        # Never served stale: the breaking news banner goes at its expiry.
        set beresp.grace = 0s;
    } elsif (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1s"), 30s);
    } elsif (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1s"), 30s);
    }
    return (deliver);
}

sub vcl_backend_error {
    if (bereq.is_bgfetch) {
        return (abandon);  # keep serving the stale copy
    }
    # Failed at once: refused, so no app server acted on it (see "Retries" at the top). Up
    # to three more tries: the round-robin director may hand the same server back when other
    # requests came in between, and a refusal costs well under a millisecond.
    if (bereq.retries < 3 && now - bereq.time < 10ms) {
        return (retry);
    }
    # The app server went away mid-request (restart, crash) or did not answer in time: try
    # another one, once, for requests that are safe to repeat.
    if (bereq.retries < 1 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    # vcl_deliver turns this into the unavailable page (vcl_synth), chosen for each client.
    set beresp.http.X-Edge-Error = "unavailable";
    set beresp.ttl = 0s;
    return (deliver);
}

sub vcl_deliver {
    if (resp.http.X-Edge-Error) {
        return (synth(503, "Service Unavailable"));
    }
    unset resp.http.xkey;
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

sub vcl_synth {
    # Every answer Varnish makes up itself: the unavailable page (503), refusals (405, 413,
    # 400) and PURGE results. Never the built-in "Guru Meditation" page.
    set resp.http.Cache-Control = "no-store";
    if (resp.status == 503) {
        set resp.http.Retry-After = "30";
    }
    if (req.http.Accept ~ "(?i)application/json") {
        set resp.http.Content-Type = "application/json";
        if (resp.status == 503) {
            call unavailable_json;
        } else {
            # {"""} is one double quote: a long string cannot hold one followed by a brace.
            synthetic({"{"ok": "} + (resp.status < 400) + {", "status": "} + resp.status +
                {", "message": ""} + resp.reason + {"""} + "}");
        }
    } elsif (resp.status == 503) {
        set resp.http.Content-Type = "text/html; charset=utf-8";
        call unavailable_html;
    } else {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        synthetic(resp.status + " " + resp.reason + {"
"});
    }
    return (deliver);
}
