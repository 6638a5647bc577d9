// Kept at this path for the scripts; the code lives in src/kb so the export route shares it.
export { articleFileName, articleToMarkdown } from '../../src/kb/article-markdown';
