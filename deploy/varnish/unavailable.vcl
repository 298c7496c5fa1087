# What readers see when Varnish has no app server to ask and no stored copy left to serve
# (all app servers down, or every one that was tried failed). Included by default.vcl, found
# through vcl_path; default.vcl decides when to send it, with status 503 and Retry-After.
#
# Restyle freely: the page is everything between {" and "} below (it must not contain the
# two characters " and } one after the other). Keep it self-contained: no stylesheet, font,
# image or script from the site, which is what just failed. Put your publication's name in
# the masthead. Then reload Varnish (`varnishreload`); nothing else needs to change.

sub unavailable_html {
    synthetic({"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <meta name="robots" content="noindex">
  <title>We will be back shortly – Broadsheet</title>
  <style>
    :root {
      color-scheme: light dark;
      --paper: #fffdf8; --ink: #1a1a1a; --accent: #a11d1d;
      --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
    }
    @media (prefers-color-scheme: dark) {
      :root { --paper: #151412; --ink: #eceae4; --accent: #ff9c8f; }
    }
    html { font-size: 112.5%; }
    body { margin: 0; background: var(--paper); color: var(--ink); font: 1rem/1.6 var(--serif); }
    .masthead {
      max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem .6rem;
      border-bottom: 3px double var(--ink);
    }
    .masthead__name {
      margin: 0; text-align: center; font-weight: 700; font-size: clamp(1.8rem, 6vw, 3rem);
      line-height: 1.1;
    }
    .masthead__name a { color: var(--ink); text-decoration: none; }
    main { display: block; max-width: 42rem; margin: 2rem auto; padding: 0 1.5rem; }
    h1 { font-size: clamp(1.8rem, 5vw, 2.6rem); line-height: 1.2; }
    a { color: var(--accent); }
  </style>
</head>
<body>
  <header class="masthead"><p class="masthead__name"><a href="/">Broadsheet</a></p></header>
  <main>
    <h1>We will be back shortly</h1>
    <p>This page cannot be shown right now. Our servers are being restarted or are busy;
      please try again in a minute.</p>
    <p><a href="/">Try the front page</a></p>
  </main>
</body>
</html>
"});
}

# The same for clients that asked for JSON (the comment form's script shows "message").
sub unavailable_json {
    synthetic({"{"ok": false, "status": 503, "} +
        {""message": "We will be back shortly. Please try again in a minute." }"});
}
