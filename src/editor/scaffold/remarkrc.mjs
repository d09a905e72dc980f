// Gạch chân lỗi phần thông tin (frontmatter) của sáng kiến ngay khi gõ trong VS Code,
// bằng tiện ích "remark" (unifiedjs.vscode-remark). Cần chạy `npm install` một lần.
// Lược đồ schema/entry.schema.json do `sangkien schema --content content --out schema/entry.schema.json` tạo ra.
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, { schemas: { './schema/entry.schema.json': ['./content/sang-kien/**/*.md'] } }],
  ],
};
