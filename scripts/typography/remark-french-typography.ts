import type { Root } from 'mdast';
import type { Plugin } from 'unified';

/** Placeholder until the typography module lands: leaves the tree unchanged. */
const remarkFrenchTypography: Plugin<[], Root> = () => () => undefined;
export default remarkFrenchTypography;
