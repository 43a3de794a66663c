/** The typography plugin with French as its default language (see `./remark-typography`). */
export { default } from './remark-typography';
