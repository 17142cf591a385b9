/** This package's version (a build test keeps it equal to package.json's): told apart when two copies meet on a page. */
export const VERSION = '0.1.0';
