// Refusals said in the page's language. The server sends a `code` and a few numeric
// `params` (studio/codes.py) with every problem; its English sentence is for tools and is
// never shown, so no internals and no English reach the Chinese page.
import { getLang, t } from "./i18n.js";

const CODES = {
  unknown_form: ["没有这种体裁", "There is no such form"],
  unknown_rhymebook: ["没有这部韵书", "There is no such rhyme book"],
  unknown_key: ["读不懂这个调，可写如 D羽、C宫", "That key cannot be read; try e.g. A minor or C major"],
  unknown_preset: ["没有这种笔触", "There is no such brush"],
  unknown_backend: ["没有这个模型", "There is no such backend"],
  poem_empty: ["诗是空的", "The poem is empty"],
  no_chinese: ["诗里没有汉字", "The poem has no Chinese characters"],
  shape_unknown: ["尚不能判断体裁：现有 {lines} 句。绝句四句，律诗八句，每句五字或七字",
    "The form cannot be told yet: {lines} line(s) so far. A quatrain has 4 lines, a regulated verse 8, each of 5 or 7 characters"],
  not_regulated: ["只有完整的五绝、七绝、五律、七律才能逐字推荐", "Choices are offered only for a complete 5- or 7-character quatrain or regulated verse"],
  no_alternative: ["此处找不到合律的替换（其他地方还有错误）", "No replacement here keeps the form (the rest of the poem has faults)"],
  idea_empty: ["请写下意念，如「秋夜 思乡」", "Write an idea first, e.g. a harbour at dawn"],
  idea_too_long: ["意念太长（{length} 字）", "The idea is too long ({length} characters)"],
  nothing_to_paint: ["先写一首诗或填写意念", "Write a poem first"],
  pick_line: ["先选定一句中的字（点击或按 Enter）", "Choose a character of the line first (click it or press Enter)"],
  nothing_to_sing: ["先写一首诗", "Write a poem first"],
  photo_needs_style: ["照片只能用写意或神经风格来画", "A photo is painted in the painterly or neural style"],
  upload_too_big: ["照片文件太大", "The photo file is too large"],
  upload_empty: ["照片文件是空的", "The photo file is empty"],
  upload_too_many_pixels: ["照片太大（{width}×{height} 像素）", "The photo is too large ({width}×{height} pixels)"],
  upload_too_small: ["照片太小（{width}×{height} 像素），每边至少 16 像素", "The photo is too small ({width}×{height}); at least 16 pixels a side"],
  upload_too_large_to_decode: ["照片太大，无法安全读取", "The photo is too large to read safely"],
  upload_not_image: ["这不是能读的图片（可用 PNG、JPEG、WebP、BMP、GIF）", "That is not a readable image (PNG, JPEG, WebP, BMP or GIF)"],
  backend_only_embedded: ["续写和藏头只能由内置诗人来写", "Continuing and acrostics are written by the embedded poet"],
  tempo_out_of_range: ["速度 {tempo} 超出范围（30 到 240）", "Tempo {tempo} is out of range (30 to 240)"],
  no_such_file: ["此版本没有这个文件", "This version has no such file"],
  no_such_item: ["找不到这个文件（可能已被清理），请重新生成", "That file is gone (cleared); make it again"],
  invalid_input: ["这项输入无法使用，请检查后重试", "That input cannot be used; check it and try again"],
  work_not_found: ["文库中没有这部作品（可能已删除）", "That work is not in the library (deleted?)"],
  job_not_found: ["找不到这项任务（工作室可能重启过）", "That job is gone (the studio may have restarted)"],
  busy: ["工作室正忙，请稍后再试", "The studio is busy; try again in a moment"],
  missing_extra: ["这项功能需要另装组件", "This feature needs an optional extra installed"],
  backend_failed: ["模型没有回应或回答有误", "The backend did not answer, or answered badly"],
  storage: ["文件无法读写，请检查磁盘", "A file could not be read or written; check the disk"],
  data_damaged: ["内置数据文件缺失或损坏", "A data file is missing or damaged"],
  disk_full: ["磁盘已满，请腾出空间", "The disk is full; free some space"],
  storage_read_only: ["作品文件夹无法写入", "The library folder cannot be written"],
  library_busy: ["文库正忙，请稍后再试", "The library is busy; try again in a moment"],
  library_damaged: ["文库数据库损坏，请运行 inkmuse library rebuild", "The library database is damaged; run inkmuse library rebuild"],
  internal: ["工作室内部出错（已记录）", "Something went wrong inside the studio (it is logged)"],
  http: ["请求无法处理", "The request could not be handled"],
  network: ["连不上工作室（它还在运行吗？）", "Cannot reach the studio (is it still running?)"],
  lost_job: ["任务的进度中断了，请刷新", "Lost track of the job; reload the page"],
};

// pydantic's rules, worded here: the page knows the field and the bound, not pydantic's text.
const RULES = {
  string_too_long: ["「{field}」太长：最多 {max_length} 字", "{field} is too long: at most {max_length} characters"],
  string_too_short: ["「{field}」太短：至少 {min_length} 字", "{field} is too short: at least {min_length} characters"],
  greater_than_equal: ["「{field}」不能小于 {ge}", "{field} must be at least {ge}"],
  less_than_equal: ["「{field}」不能大于 {le}", "{field} must be at most {le}"],
  int_parsing: ["「{field}」应是整数", "{field} must be a whole number"],
  int_from_float: ["「{field}」应是整数", "{field} must be a whole number"],
  missing: ["缺少「{field}」", "{field} is missing"],
};
const FIELDS = { text: "poem_text", poem: "poem_text", opening: "poem_text", keywords: "keywords",
  idea: "idea", seed: "seed", tempo: "tempo", key: "key", form: "form" };

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ""));
}

// The words for any error the page can meet: an API problem, a lost network, a bug.
export function describe(err) {
  const zh = getLang() === "zh";
  const body = (err && err.body) || {};
  if (err instanceof TypeError) return zh ? CODES.network[0] : CODES.network[1];
  if (body.code === "validation") {
    const params = body.params || {};
    const rule = RULES[params.rule] || ["「{field}」的值无法使用", "{field} has a value that cannot be used"];
    const field = FIELDS[params.field] ? t(FIELDS[params.field]) : (zh ? "某项" : "A field");
    return fill(zh ? rule[0] : rule[1], { ...params, field });
  }
  const code = body.code || (err && err.code);
  const pair = CODES[code] || (code ? CODES.invalid_input : CODES.internal);
  return fill(zh ? pair[0] : pair[1], body.params || {});
}
