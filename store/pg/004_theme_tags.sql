-- Theme tags apart from each theme's label and rule (as in SQLite's schema 6): issue_theme_tags
-- holds the tag and the keyword, themes the label and rule once per theme, and the view
-- issue_themes joins them with the columns the table had.
CREATE TABLE themes (
  theme TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  rule TEXT NOT NULL
);
INSERT INTO themes (theme, label, rule) SELECT theme, max(label), max(rule) FROM issue_themes GROUP BY theme;
CREATE TABLE issue_theme_tags (
  issue_id BIGINT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  theme TEXT NOT NULL REFERENCES themes(theme),
  keyword TEXT NOT NULL,
  PRIMARY KEY (issue_id, theme)
);
INSERT INTO issue_theme_tags (issue_id, theme, keyword) SELECT issue_id, theme, keyword FROM issue_themes;
DROP TABLE issue_themes;
CREATE VIEW issue_themes AS
SELECT t.issue_id, t.theme, th.label, th.rule, t.keyword FROM issue_theme_tags t JOIN themes th ON th.theme = t.theme;
