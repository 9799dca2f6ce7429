// Stored with every document: a change re-derives documents under --reprocess. Raise it with
// every change to what extraction outputs for the same bytes (rule data changes are caught by
// the rules hash on their own).
// 0.2.0: a quote closing inside a problem title no longer cuts the title; published_date from
// a text copy's 发布时间 line; a run-in problem with one plain measure is a problem; ledgers
// pasted into text (tab-separated, Markdown tables) are read as ledgers; （一）problems with
// 1. 2. measure lines and a status line under 一、X方面存在的问题 parts; 已按期完成 is done; a title
// broken before its last words; totals after the last problem; the issuer from the signature;
// a status said first under 整改情况： is the status; regions of 城市管理局 units; （以下简称…）;
// 正在持续推进 is in progress; a front-matter date is the publication date; 1,260.5万元; 12388.
export const PIPELINE_VERSION = '0.2.0';
