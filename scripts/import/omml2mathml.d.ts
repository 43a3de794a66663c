declare module 'omml2mathml' {
  /** The MathML `<math>` element of an `m:oMath` or `m:oMathPara` element, in a document of the DOM implementation get-dom gives. */
  export default function omml2mathml(omml: import('@xmldom/xmldom').Element): import('@xmldom/xmldom').Element;
}
