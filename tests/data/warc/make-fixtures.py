#!/usr/bin/env python3
"""Writes the WARC fixtures of tests/data/warc/ (run from anywhere; the output is committed).

news.warc: a small crawl as Common Crawl's and wget's WARC files hold it: warcinfo, a request
and its response (HTTP/1.1 200, Transfer-Encoding: chunked over Content-Encoding: gzip, a
Windows-1252 page whose charset only the HTTP header names), metadata, a 404, an image, a
redirect, a revisit, and a WARC/1.0 resource record with WARC 1.0's <angle-bracketed> URI.
news.warc.gz: four records, each its own gzip member (as Common Crawl writes them).
"""
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CRLF = b"\r\n"


def record(rtype, headers, block, version=b"WARC/1.1"):
    head = [version, b"WARC-Type: " + rtype]
    head += [k + b": " + v for k, v in headers]
    head += [b"Content-Length: " + str(len(block)).encode()]
    return CRLF.join(head) + CRLF + CRLF + block + CRLF + CRLF


def http(status, headers, body):
    lines = [b"HTTP/1.1 " + status] + [k + b": " + v for k, v in headers]
    return CRLF.join(lines) + CRLF + CRLF + body


def chunked(data, size=97):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        ext = b";note=x" if i == 0 else b""
        out += format(len(part), "x").encode() + ext + CRLF + part + CRLF
    return out + b"0" + CRLF + b"X-Trailer: done" + CRLF + CRLF


WARCINFO = record(b"warcinfo", [
    (b"WARC-Date", b"2024-05-07T10:00:00Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000001>"),
    (b"WARC-Filename", b"news.warc"),
    (b"Content-Type", b"application/warc-fields"),
], b"software: newsfacet-fixture/1.0\r\nformat: WARC File Format 1.1\r\n")

REQUEST = record(b"request", [
    (b"WARC-Date", b"2024-05-07T10:00:01Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000002>"),
    (b"WARC-Target-URI", b"https://News.Example.com/world/harbour-reopens?utm_source=rss"),
    (b"Content-Type", b"application/http; msgtype=request"),
], b"GET /world/harbour-reopens?utm_source=rss HTTP/1.1\r\nHost: News.Example.com\r\n"
   b"Accept-Encoding: gzip\r\n\r\n")

PAGE = ("<!DOCTYPE html><html lang=\"fr\"><head><title>Le port de Brest rouvre - Example News</title>"
        "<meta property=\"og:site_name\" content=\"Example News\"></head><body>"
        "<nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>"
        "<article><h1>Le port de Brest rouvre apr\xe8s la temp\xeate</h1>"
        "<p>Le port de commerce de Brest a rouvert mardi matin, deux jours apr\xe8s la temp\xeate "
        "qui avait arrach\xe9 une grue et coul\xe9 trois chalutiers dans la rade.</p>"
        "<p>Les dockers ont repris le d\xe9chargement des cargos retenus au large, "
        "a indiqu\xe9 la chambre de commerce, qui estime les d\xe9g\xe2ts \xe0 douze millions d'euros.</p>"
        "</article><footer>\xa9 Example News</footer></body></html>").encode("cp1252")

RESPONSE = record(b"response", [
    (b"WARC-Date", b"2024-05-07T10:00:02Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000003>"),
    (b"WARC-Target-URI", b"https://News.Example.com/world/harbour-reopens?utm_source=rss"),
    (b"WARC-IP-Address", b"192.0.2.10"),
    (b"Content-Type", b"application/http; msgtype=response"),
    (b"WARC-Identified-Payload-Type", b"text/html"),
], http(b"200 OK", [
    (b"Date", b"Tue, 07 May 2024 10:00:02 GMT"),
    (b"Content-Type", b"text/html; charset=windows-1252"),
    (b"Content-Encoding", b"gzip"),
    (b"Transfer-Encoding", b"chunked"),
], chunked(gzip.compress(PAGE, mtime=0))))

METADATA = record(b"metadata", [
    (b"WARC-Date", b"2024-05-07T10:00:02Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000004>"),
    (b"WARC-Target-URI", b"https://News.Example.com/world/harbour-reopens?utm_source=rss"),
    (b"Content-Type", b"application/warc-fields"),
], b"fetchTimeMs: 120\r\n")

NOT_FOUND = record(b"response", [
    (b"WARC-Date", b"2024-05-07T10:00:03Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000005>"),
    (b"WARC-Target-URI", b"https://news.example.com/missing"),
    (b"Content-Type", b"application/http; msgtype=response"),
], http(b"404 Not Found", [(b"Content-Type", b"text/html")],
        b"<!DOCTYPE html><html><body><h1>Page not found</h1><p>Nothing here.</p></body></html>"))

IMAGE = record(b"response", [
    (b"WARC-Date", b"2024-05-07T10:00:04Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000006>"),
    (b"WARC-Target-URI", b"https://news.example.com/img/crane.jpg"),
    (b"Content-Type", b"application/http; msgtype=response"),
], http(b"200 OK", [(b"Content-Type", b"image/jpeg")], b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\xff\xd9"))

REDIRECT = record(b"response", [
    (b"WARC-Date", b"2024-05-07T10:00:05Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000007>"),
    (b"WARC-Target-URI", b"http://news.example.com/harbour"),
    (b"Content-Type", b"application/http; msgtype=response"),
], http(b"301 Moved Permanently", [(b"Location", b"https://news.example.com/world/harbour-reopens"),
                                   (b"Content-Length", b"0")], b""))

REVISIT = record(b"revisit", [
    (b"WARC-Date", b"2024-05-08T10:00:00Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000008>"),
    (b"WARC-Target-URI", b"https://news.example.com/world/harbour-reopens"),
    (b"WARC-Profile", b"http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
    (b"Content-Type", b"application/http; msgtype=response"),
], http(b"200 OK", [(b"Content-Type", b"text/html")], b""))

RESOURCE = record(b"resource", [
    (b"WARC-Date", b"2024-05-09T08:30:00Z"),
    (b"WARC-Record-ID", b"<urn:uuid:00000000-0000-4000-8000-000000000009>"),
    (b"WARC-Target-URI", b"<http://news.example.com/2024/05/03/ferry-strike.html>"),
    (b"Content-Type", b"text/html"),
], ("<!DOCTYPE html><html><head><title>Ferry strike ends</title>"
    "<meta property=\"article:published_time\" content=\"2024-05-03T07:15:00+02:00\"></head><body>"
    "<article><h1>Ferry strike ends after four days</h1>"
    "<p>Ferry crews returned to work on Friday after the union accepted a new pay offer, "
    "ending a four-day strike that stranded hundreds of passengers on the islands.</p></article>"
    "</body></html>").encode(), version=b"WARC/1.0")

with open(os.path.join(HERE, "news.warc"), "wb") as out:
    for r in (WARCINFO, REQUEST, RESPONSE, METADATA, NOT_FOUND, IMAGE, REDIRECT, REVISIT, RESOURCE):
        out.write(r)

with open(os.path.join(HERE, "news.warc.gz"), "wb") as out:
    for r in (WARCINFO, REQUEST, RESPONSE, IMAGE):
        out.write(gzip.compress(r, mtime=0))
