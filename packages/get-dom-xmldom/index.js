// get-dom's interface (a document and a DOM implementation) on @xmldom/xmldom, which the
// project already uses, in place of get-dom 9.0.0. omml2mathml, the port of Microsoft's
// OMML-to-MathML stylesheet, asks get-dom for the document it writes MathML into, and get-dom
// answers outside a browser with jsdom 9 (2016), which brings eighty old packages (request,
// har-validator, uuid 3) for that one empty document. package.json's `overrides` puts this module
// in its place; the bundle carries it, so an installed triptyque has neither.
'use strict';
const { DOMImplementation } = require('@xmldom/xmldom');

exports.implementation = () => new DOMImplementation();
exports.document = () => exports.implementation().createHTMLDocument('');
