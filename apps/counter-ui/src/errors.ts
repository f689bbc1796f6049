import { ApolloError, type ServerError, type ServerParseError } from '@apollo/client';
import type { ErrorCode } from '@onewindow/contracts';
import type { GraphQLFormattedError } from 'graphql';
import { QUEUE_ERROR_MESSAGES } from './front-office/queue-errors.js';
import { QUEUE_BALANCING_ERROR_MESSAGES } from './front-office/queue-balancing-errors.js';
import { APPOINTMENT_ERROR_MESSAGES } from './front-office/appointment-errors.js';
import { SERVICE_POINT_ERROR_MESSAGES } from './front-office/service-point-errors.js';
import { HOME_VISIT_ERROR_MESSAGES } from './front-office/home-visit-errors.js';

/**
 * Every `extensions.code` the services return, as a clear Chinese message for the window.
 * `title` says what happened; `hint` what the user can do. The server's own message (already in
 * Chinese for domain errors) is shown as the detail when it adds something.
 * Never show a raw code alone or a stack trace. Typed against the contracts' `ErrorCode` union: a
 * code without a Chinese message fails the type check (and test/error-messages.test.ts).
 */
export interface ErrorMessage {
  title: string;
  /** What the user can do now. */
  hint: string;
}

export const ERROR_MESSAGES: Record<ErrorCode, ErrorMessage> = {
  // Common (every service)
  VALIDATION_FAILED: { title: '填写的内容不符合要求', hint: '请按提示修改后重新提交。' },
  UNAUTHENTICATED: { title: '登录已失效', hint: '请重新登录后再操作。' },
  FORBIDDEN: { title: '没有权限执行此操作', hint: '如需办理，请联系有权限的民警或督察。' },
  OUT_OF_JURISDICTION: { title: '超出本单位辖区', hint: '该记录不属于您的辖区，请联系所属单位办理。' },
  NOT_FOUND: { title: '未找到相关记录', hint: '请核对编号后重试。' },
  CONFLICT: { title: '数据已被他人修改', hint: '请刷新后重试。' },
  SERVICE_UNAVAILABLE: { title: '相关业务系统暂时无法访问', hint: '请稍后重试；如持续出现，请联系运维值班人员。' },
  INTERNAL: { title: '系统内部错误', hint: '请稍后重试；如持续出现，请将错误编号告知运维人员。' },
  INTERNAL_SERVER_ERROR: { title: '系统内部错误', hint: '请稍后重试；如持续出现，请联系运维人员。' },
  QUERY_TOO_COMPLEX: { title: '查询范围过大', hint: '请缩小查询条件（如减少每页条数）后重试。' },
  QUERY_TOO_DEEP: { title: '查询层级过深', hint: '请刷新页面后重试；如仍出现，请联系运维人员。' },
  QUERY_TOO_MANY_ALIASES: { title: '一次查询的项目过多', hint: '请分次查询；如由页面发出，请刷新页面后重试。' },
  QUERY_TOO_MANY_DIRECTIVES: { title: '查询指令过多', hint: '请简化查询；如由页面发出，请刷新页面后重试。' },
  QUERY_TOO_LARGE: { title: '请求内容过长', hint: '请分次查询；如由页面发出，请刷新页面后重试。' },
  BAD_REQUEST: { title: '请求格式不正确', hint: '请刷新页面后重试；如仍出现，请联系运维人员。' },
  BAD_USER_INPUT: { title: '填写的内容格式不正确', hint: '请按提示修改后重新提交。' },
  GRAPHQL_VALIDATION_FAILED: { title: '界面与服务版本不一致', hint: '请刷新页面；如仍出现，请联系运维人员。' },
  GRAPHQL_PARSE_FAILED: { title: '界面与服务版本不一致', hint: '请刷新页面；如仍出现，请联系运维人员。' },
  PERSISTED_QUERY_NOT_FOUND: { title: '请求已过期', hint: '请刷新页面后重试。' },
  PERSISTED_QUERY_NOT_SUPPORTED: { title: '请求方式不受支持', hint: '请刷新页面后重试；如仍出现，请联系运维人员。' },
  OPERATION_RESOLUTION_FAILURE: { title: '请求无法执行', hint: '请刷新页面后重试；如仍出现，请联系运维人员。' },
  // Login
  INVALID_CREDENTIALS: { title: '用户名或密码错误', hint: '请核对用户名和密码（区分大小写）后重新登录；忘记密码请联系系统管理员。' },
  // Persons (户政)
  INVALID_ID_NUMBER: { title: '身份证号码不正确', hint: '请核对号码（18 位，最后一位可能是 X）；刷卡读取的请重新读卡。' },
  PERSON_NOT_FOUND: { title: '人口信息库中查无此人', hint: '请核对身份证号码；外地户籍人员可按异地办理流程受理。' },
  PERSON_DECEASED: { title: '此人已死亡注销', hint: '不能为已死亡注销人员办理该事项。' },
  PERSON_MOVED_OUT: { title: '此人户口已迁出', hint: '请到现户籍地办理，或按跨地区办理流程受理。' },
  PERSON_REGISTERED_LOCALLY: { title: '申请人户籍在本市', hint: '本市户籍人员无需办理该事项。' },
  PERSON_NOT_CANCELLED: { title: '该人员户口未注销', hint: '户口注销后才能出具注销证明。' },
  HOUSEHOLD_NOT_FOUND: { title: '人口信息库中查无此户', hint: '请核对户号。' },
  ID_INCONSISTENT: { title: '申请表与身份证号码不一致', hint: '请核对性别、出生日期等与身份证号码是否一致。' },
  PURPOSE_REQUIRED: { title: '请选择查询事由', hint: '查询人口信息须说明事由并留痕。' },
  // Catalog and acceptance
  ITEM_NOT_FOUND: { title: '事项目录中没有该事项', hint: '请重新检索事项。' },
  ITEM_NOT_AVAILABLE: { title: '该拾得物当前不能办理此操作', hint: '该物品可能已比对、已认领或已处置，请刷新后查看其状态。' },
  FORM_INVALID: { title: '申请表填写不完整或有误', hint: '请按提示补充或更正申请表。' },
  TOLERATED_COMMITMENT_REQUIRED: { title: '容缺材料须签署书面承诺', hint: '请填写承诺内容和补交日期。' },
  TOLERATED_MATERIAL_OUTSTANDING: { title: '还有容缺材料未补交', hint: '请先补交承诺的材料，再进行此操作。' },
  NOTICE_NOT_FOUND: { title: '未找到该一次性告知单', hint: '请核对告知单编号。' },
  DUPLICATE_OPEN_APPLICATION: { title: '该申请人已有同一事项未办结的申请，不能重复受理', hint: '请在左侧“在办申请”中查看原申请的办理进度；确需重新申请的，请先撤回原申请。' },
  IDEMPOTENCY_KEY_REUSED: { title: '本次提交与此前的提交内容不一致', hint: '请刷新页面后重新填写。' },
  INVALID_ACCEPT_REPLY: { title: '承办警种系统返回的数据有误', hint: '请稍后重试；如持续出现，请联系运维人员。' },
  INVALID_SNAPSHOT: { title: '承办警种系统返回的数据有误', hint: '请稍后重试；如持续出现，请联系运维人员。' },
  WAIVER_NOT_APPLICABLE: { title: '不符合收费减免条件', hint: '请取消减免申请，按标准收费。' },
  NOTICE_ALREADY_RESOLVED: { title: '该一次性告知单已补齐受理', hint: '请在待办中查看已受理的申请。' },
  NOTICE_MISMATCH: { title: '告知单与本次申请不符', hint: '请核对告知单对应的事项和申请人。' },
  // Applications (casework)
  APPLICATION_NOT_FOUND: { title: '未找到该申请', hint: '请核对受理编号。' },
  NOT_OWNING_OFFICER: { title: '只有本警种后台民警可以执行此操作', hint: '请由该事项所属警种的后台民警办理。' },
  ROLE_NOT_ALLOWED: { title: '您的角色不能执行此操作', hint: '请由有权限的民警或督察办理。' },
  INVALID_TRANSITION: { title: '当前状态不能执行此操作', hint: '申请状态可能已变化，请刷新后查看。' },
  REASON_REQUIRED: { title: '请填写理由', hint: '此操作须填写理由并留痕。' },
  VERSION_CONFLICT: { title: '该申请已被他人处理', hint: '已为您刷新，请确认最新状态后再操作。' },
  EXTENSION_NOT_PENDING: { title: '没有待审批的延期申请', hint: '延期申请可能已被处理，请刷新后查看。' },
  EXTENSION_ALREADY_PENDING: { title: '已有一项延期申请待审批', hint: '请等待督察审批。' },
  EXTENSION_LIMIT_EXCEEDED: { title: '延期天数超过上限', hint: '延期累计不得超过法定上限（行政许可法第四十二条为十个工作日，事项另有规定的从其规定）。' },
  // Transfers between police types (跨警种移交)
  TRANSFER_NOT_FOUND: { title: '未找到该移交', hint: '请刷新移交列表后重试。' },
  TRANSFER_CASE_NOT_FOUND: { title: '未找到要移交的办件', hint: '请核对受理编号；只能移交本辖区的办件。' },
  TRANSFER_SENDER_UNKNOWN: { title: '无法确认移交发起方', hint: '请刷新后重试。' },
  INVALID_TRANSFER_TARGET: { title: '移交对象不正确', hint: '不能移交给本警种，请选择其他警种。' },
  INVALID_TRANSFER_STATE: { title: '移交当前状态不能执行此操作', hint: '请刷新后查看移交的最新状态。' },
  NOT_RECEIVING_OFFICER: { title: '只有接收警种的民警可以签收或反馈此移交', hint: '请由接收警种的后台民警或督察办理。' },
  NOT_SENDING_STAFF: { title: '只有窗口民警或本警种民警可以发起移交', hint: '请由窗口民警或该办件所属警种的民警发起移交。' },
  POLICE_TYPE_REQUIRED: { title: '请选择警种', hint: '查看移入或移出的移交须指定警种。' },
  FOLLOW_UPS_PENDING: { title: '后续移交事项尚未全部反馈', hint: '请待相关警种反馈办理结果后再办结。' },
  REVOCATION_MANUAL: { title: '该移交已办结，不能自动撤销', hint: '请接收警种的民警人工恢复原办理结果。' },
  SUBJECT_ID_NUMBER_MISSING: { title: '移交未载明有效的身份证号码', hint: '未自动处理，请人工核查后反馈。' },
  TRANSFER_SUBJECT_MISSING: { title: '移交未载明有效的身份证号码', hint: '未自动处理，请人工核查后反馈。' },
  RESTORE_UNKNOWN: { title: '原移交未记录处理内容，无法自动恢复', hint: '请人工核查并恢复原状态。' },
  TRANSFER_RESTORE_UNKNOWN: { title: '原移交未记录处理内容，无法自动恢复', hint: '请人工核查并恢复原状态。' },
  // Exit-entry (出入境)
  DOCUMENT_NOT_FOUND: { title: '未找到该证件', hint: '请核对证件号码；仅能查询本市签发的证件。' },
  DOCUMENT_REQUIRED: { title: '须先持有有效证件', hint: '请先申领或换发相应的通行证、护照。' },
  GUARDIAN_REQUIRED: { title: '未成年人须由监护人陪同或代为申请', hint: '请补充监护人信息及监护关系证明。' },
  SELF_SERVICE_NOT_ELIGIBLE: { title: '不符合自助签注条件', hint: '自助签注须有同类签注记录，请引导群众到人工窗口办理。' },
  // Traffic (交管)
  LICENCE_NOT_FOUND: { title: '驾驶人档案中没有该驾驶证', hint: '请核对身份证号码或引导申领驾驶证。' },
  LICENCE_NOT_VALID: { title: '驾驶证不在有效期内', hint: '请先办理期满换证。' },
  RENEWAL_TOO_EARLY: { title: '暂不需要换证', hint: '驾驶证尚未进入换证期或为长期有效。' },
  VEHICLE_NOT_FOUND: { title: '机动车登记中没有该号牌', hint: '请核对号牌号码。' },
  VEHICLE_NOT_ACTIVE: { title: '该机动车当前不能办理此业务', hint: '请按提示先办理相关登记。' },
  VEHICLE_ALREADY_REGISTERED: { title: '该机动车已注册登记', hint: '请核对车辆识别代号。' },
  NOT_VEHICLE_OWNER: { title: '申请人不是该机动车的所有人', hint: '请由机动车所有人或其委托代理人办理。' },
  ALREADY_OWNER: { title: '该机动车已登记在申请人名下', hint: '无需办理转移登记。' },
  OPEN_VIOLATIONS: { title: '有未处理的交通违法记录', hint: '请先处理交通违法后再办理。' },
  NO_OPEN_VIOLATIONS: { title: '没有待处理的交通违法记录', hint: '无需处理，可继续办理其他业务。' },
  VIOLATION_NOT_FOUND: { title: '未找到该违法记录', hint: '请核对违法记录编号。' },
  VIOLATION_NOT_DECIDED: { title: '该违法记录尚未作出处罚决定', hint: '请先作出处罚决定。' },
  VIOLATION_ALREADY_DECIDED: { title: '该违法记录已作出处罚决定', hint: '请刷新后查看，如需缴款请登记缴款凭证号。' },
  VIOLATION_ALREADY_PAID: { title: '该违法记录的罚款已缴纳', hint: '无需重复处理，请刷新后查看。' },
  HANDLING_REFERENCE_REQUIRED: { title: '请填写处罚决定书编号或缴款凭证号', hint: '填写后重新提交。' },
  QUERY_TARGET_REQUIRED: { title: '请填写查询条件', hint: '按号牌号码或身份证号码之一查询。' },
  // Public security (治安)
  PERMIT_NOT_FOUND: { title: '未找到该许可证', hint: '请核对许可证编号；仅能查询本市核发的许可证。' },
  PERMIT_ALREADY_HELD: { title: '申请人已持有有效许可证', hint: '无需重复申领。' },
  PERMIT_STATUS_CHANGE_NOT_ALLOWED: { title: '许可证当前状态不能变更为所选状态', hint: '请刷新后查看许可证的当前状态，再选择可变更的状态。' },
  APPLICANT_NOT_ELIGIBLE: { title: '申请人不符合申领条件', hint: '请按提示核实申请人条件。' },
  REFUSAL_REASON_REQUIRED: { title: '请填写退回或不予许可的理由', hint: '填写理由后重新提交；理由将留痕。' },
  REFERENCE_IN_USE: { title: '该处罚决定书编号或缴款凭证号已被其他违法记录使用', hint: '请核对编号后重试。' },
  // Lost and found (失物招领)
  FOUND_ITEM_NOT_FOUND: { title: '未找到该拾得物', hint: '请核对拾得物编号。' },
  LOST_REPORT_NOT_FOUND: { title: '未找到该遗失登记', hint: '请核对遗失登记编号。' },
  BATCH_REFERENCE_REQUIRED: { title: '请填写环卫部门移交批次号', hint: '环卫部门批量移交的拾得物须登记批次号。' },
  BATCH_ALREADY_REGISTERED: { title: '该批次已登记', hint: '请勿重复提交，可在拾得物列表中查看该批次。' },
  DATE_IN_FUTURE: { title: '日期不能晚于今天', hint: '请核对拾得或遗失日期。' },
  REPORT_NOT_OPEN: { title: '该遗失登记已比对或已结案', hint: '请刷新后查看登记的最新状态。' },
  IDENTITY_NOT_VERIFIED: { title: '尚未核验认领人身份', hint: '请查验认领人身份证或人脸核验后勾选确认。' },
  CLAIMANT_NOT_ON_REGISTER: { title: '人口信息库中查无认领人', hint: '请核对认领人身份证号码；已记录本次不予认领。' },
  CLAIMANT_DECEASED: { title: '认领人户口已死亡注销', hint: '不能由该人认领，请由继承人按规定办理。' },
  // Register changes on approval (户政登记簿随办件变更)
  TARGET_HOUSEHOLD_NOT_FOUND: { title: '未找到要迁入的户', hint: '请核对户号；该户须在本市户籍登记簿中。' },
  TARGET_HOUSEHOLD_KIND_MISMATCH: { title: '户别不符', hint: '家庭户事项请填写家庭户户号，集体户入户请填写集体户户号。' },
  DECLARANT_HAS_NO_HOUSEHOLD: { title: '申报人不在任何户内', hint: '出生登记须由在本市有户籍的父母一方申报，请核对申报人。' },
  BIRTH_ALREADY_REGISTERED: { title: '该新生儿已登记出生', hint: '同一户内同名同出生日期的新生儿已登记，请勿重复申报；如需更正请办理信息变更。' },
  ID_SEQUENCE_EXHAUSTED: { title: '当日出生顺序码已用完', hint: '请联系户政后台民警人工分配身份证号码。' },
  REGISTER_DATA_MISSING: { title: '申请缺少登记所需信息', hint: '该申请按旧版事项目录受理，缺少登记簿所需字段；请退回补正后再审批。' },
  // Residence permits (居住证)
  RESIDENCE_PERMIT_ALREADY_HELD: { title: '申请人已持有有效居住证', hint: '请办理签注或换领补领，无需重新申领。' },
  RESIDENCE_PERMIT_NOT_FOUND: { title: '申请人没有在用的居住证', hint: '请先办理居住证申领。' },
  ENDORSEMENT_NOT_DUE: { title: '尚未到签注期', hint: '居住证应在每满一年前一个月内签注，请到期前一个月内再来办理。' },
  CLAIMANT_MISMATCH: { title: '认领人与遗失登记人不一致', hint: '请由遗失登记人本人认领，或核对遗失登记。' },
  COMPLAINT_NOT_FOUND: { title: '未找到该信访投诉', hint: '请核对信访编号（XF 开头），或确认该投诉属于本市。' },
  COMPLAINT_INVALID_TRANSITION: { title: '当前信访状态不能执行此操作', hint: '信访状态可能已变化，请刷新后查看办理记录。' },
  COMPLAINT_CHANNEL_NOT_ALLOWED: { title: '窗口只能登记窗口当面提出的投诉', hint: '来信、来访、热线和网上投诉请由信访民警登记。' },
  COMPLAINT_ABOUT_SELF: { title: '不能查看或办理针对本人的投诉', hint: '该投诉指名了您本人，请交由其他民警处理（回避）。' },
  COMPLAINT_EXTENSION_ALREADY_USED: { title: '该信访事项已延期一次', hint: '办理期限只能经批准延长一次（不超过 30 日），请在延长期限内办结。' },
  COMPLAINT_FINDING_REQUIRED: { title: '请填写核查结论', hint: '答复或办结投诉时须选择核查结论（属实 / 部分属实 / 不属实；咨询、建议、表扬选“不涉及”）。' },
  COMPLAINT_FINDING_INVALID: { title: '核查结论与投诉类别不符', hint: '咨询、建议、表扬只能选“不涉及”；其他投诉须选属实、部分属实或不属实，属实或部分属实须确认责任民警。' },
  COMPLAINT_DEDUCTION_NOT_FOUND: { title: '未找到该扣分记录', hint: '请刷新扣分列表，或确认该记录属于本单位。' },
  COMPLAINT_DEDUCTION_ALREADY_REVERSED: { title: '该扣分已撤销', hint: '扣分只能撤销一次，请刷新后查看撤销理由。' },
  COMPLAINT_ANALYSIS_MONTH_INVALID: { title: '统计月份不正确', hint: '请选择今天或以前的月份（格式 YYYY-MM）。' },
  RATING_PAIRING_INVALID: { title: '配对码无效或已过期', hint: '请在窗口电脑上重新生成配对码，并在 5 分钟内输入。' },
  RATING_DEVICE_INVALID: { title: '评价屏配对已失效', hint: '请窗口工作人员重新配对评价屏。' },
  EVALUATION_APPLICATION_NOT_FOUND: { title: '未找到该受理编号', hint: '请核对受理编号后重新推送评价。' },
  EVALUATION_WRONG_WINDOW: { title: '该办件不是在本窗口办理的', hint: '每块评价屏只能评价配对窗口推送的办件。' },
  EVALUATION_ALREADY_RECORDED: { title: '该办件已经评价过', hint: '一件事项只能评价一次（当场评价或短信评价）。' },
  EVALUATION_VISIT_NOT_PRESENTED: { title: '该办件已不在评价屏上', hint: '请窗口工作人员重新推送评价。' },
  EVALUATION_REASON_REQUIRED: { title: '请选择不满意的原因', hint: '不满意时请至少选择一项原因。' },
  EVALUATION_SMS_UNKNOWN_SENDER: { title: '短信回复号码没有待评价的办件', hint: '该号码没有待回复的评价邀请，回复未记录。' },
  EVALUATION_SMS_UNKNOWN_ANSWER: { title: '短信回复内容无法识别', hint: '评价回复应为 1、2 或 3，回复未记录。' },
  EVALUATION_SMS_SIGNATURE_INVALID: { title: '短信平台签名校验失败', hint: '请核对短信平台的共享密钥和时间同步。' },
  CALLBACK_TASK_NOT_FOUND: { title: '未找到该回访核实任务', hint: '请刷新任务列表后重试。' },
  CALLBACK_INVALID_TRANSITION: { title: '当前任务状态不能执行此操作', hint: '任务状态可能已变化，请刷新后查看。' },
  CALLBACK_ABOUT_SELF: { title: '不能办理针对本人的差评', hint: '该差评针对您本人，请交由其他督察处理（回避）。' },
  RATE_LIMITED: { title: '操作过于频繁', hint: '请稍后再试；如需帮助，请拨打 96166 或 960111 热线。' },
  VERIFICATION_CODE_INVALID: { title: '短信验证码不正确或已失效', hint: '请核对短信中的 6 位验证码；验证码 10 分钟内有效、只能使用一次，必要时请重新获取。' },
  ROUTING_RULES_INVALID: { title: '分派规则不能发布', hint: '请按提示修改：最后一条须为不设条件的兜底规则，指定承办单位时须填写单位代码。' },
  ROUTING_VERSION_NOT_FOUND: { title: '未找到该版本的分派规则', hint: '请从版本列表中选择。' },
  COMPLAINT_TRANSFER_NOT_ALLOWED: { title: '该信访事项不能移交核查', hint: '请选择被投诉事项所属警种；已答复、不予受理或已办结的信访事项不能再移交。' },
  // issue 10: month close and push to the city bureau (月报报送)
  REPORT_MONTH_NOT_FINISHED: { title: '该月尚未结束，不能结账报送', hint: '只能报送已结束的月份；本月数据请在月报中查看。' },
  REPORT_CLOSE_NOT_CONFIGURED: { title: '本部署未配置报送分局', hint: '请联系运维配置 BUREAU_DISTRICT_CODE 和签名密钥。' },
  BUREAU_SIGNATURE_INVALID: { title: '报送签名校验未通过', hint: '请核对分局的签名密钥与市局登记的公钥。' },
  BUREAU_DISTRICT_UNKNOWN: { title: '市局未登记该分局', hint: '请联系市局登记分局公钥后再报送。' },
  BUREAU_VERSION_CONFLICT: { title: '报送版本冲突', hint: '同一版本内容不同或版本不是最新，请重新结账生成新版本。' },
  BUREAU_REPORT_INVALID: { title: '报送内容不完整或格式不正确', hint: '请重新结账后报送。' },
  BUREAU_MODE_ONLY: { title: '仅市局部署提供全市汇总', hint: '请在市局系统中查看全市汇总。' },
  WORK_ORDER_ALREADY_RECEIVED: { title: '该 12345 工单已接收', hint: '同一工单编号不会重复登记，请按已有信访编号办理。' },
  // issue 10, monthly figures (月报)
  REPORT_MONTH_INVALID: { title: '月份格式不正确', hint: '请按 YYYY-MM 填写月份，例如 2026-11。' },
  REPORT_MONTH_IN_FUTURE: { title: '不能查询未来月份的月报', hint: '请选择本月或以前的月份。' },
  REPORT_UNIT_UNKNOWN: { title: '未找到该单位', hint: '请从单位列表中选择市局、分局或派出所。' },
  REPORT_OUT_OF_JURISDICTION: { title: '该单位不在您的辖区范围内', hint: '只能查看本单位及下级单位的月报。' },
  AUDIT_RANGE_INVALID: { title: '查询日期范围不正确', hint: '开始日期须早于或等于结束日期，日期按 YYYY-MM-DD 填写。' },
  AUDIT_RANGE_TOO_LONG: { title: '查询日期范围过长', hint: '一次最多查询 366 天，请缩小日期范围后分段查询。' },
  // Supervision (督察)
  SUPERVISION_TEMPLATE_UNKNOWN: { title: '没有这个检查模板', hint: '请从日常巡查、月度检查、季度考核中选择。' },
  SUPERVISION_TEMPLATE_INVALID: { title: '检查项填写有误', hint: '每个检查项须有唯一的编码和内容，至少一项。' },
  SUPERVISION_UNIT_UNKNOWN: { title: '没有这个被检查单位', hint: '请选择派出所（9 位单位代码）。' },
  SUPERVISION_INSPECTION_NOT_FOUND: { title: '未找到该检查记录', hint: '请刷新列表后重试；辖区外的检查记录不可查看。' },
  SUPERVISION_RESULTS_INVALID: { title: '检查结果填写不完整', hint: '模板中的每一项都要填写结果；发现问题的项须写明问题、责任人和整改期限。' },
  SUPERVISION_DEADLINE_INVALID: { title: '整改期限不正确', hint: '整改期限为 1–60 个工作日。' },
  SUPERVISION_FINDING_NOT_FOUND: { title: '未找到该问题', hint: '请刷新整改列表后重试；辖区外的问题不可查看。' },
  SUPERVISION_FINDING_INVALID_TRANSITION: { title: '该问题当前状态不能进行此操作', hint: '整改中的问题由单位报告整改；已整改的问题由督察销号或退回。' },
  SUPERVISION_CITY_SUPERVISOR_ONLY: { title: '仅市局督察可以操作', hint: '发布检查模板和管理检查人员名录由市局督察负责。' },
  SUPERVISION_PERIOD_INVALID: { title: '抽查期间不正确', hint: '请选择本月或之前的月份（YYYY-MM）。' },
  SUPERVISION_DRAW_POOL_TOO_SMALL: { title: '抽取数量超过可抽范围', hint: '抽取的办件数或检查人员数不能多于该单位该月已办结的办件数或名录中的人数。' },
  SUPERVISION_NO_ELIGIBLE_INSPECTOR: { title: '有办件没有可回避的检查人员', hint: '检查人员不能检查本单位或本人受理的办件，请增加抽取人数或更换随机种子。' },
  SUPERVISION_DRAW_NOT_FOUND: { title: '未找到该抽查', hint: '请刷新列表后重试。' },
  SUPERVISION_DRAW_INCOMPLETE: { title: '还有办件未录入检查结果', hint: '全部办件录入结果后才能公开。' },
  SUPERVISION_DRAW_PUBLISHED: { title: '该抽查结果已公开', hint: '公开后不能再修改检查结果。' },
  // issue 11, the front office (大厅服务): one file per feature
  ...QUEUE_ERROR_MESSAGES,
  ...QUEUE_BALANCING_ERROR_MESSAGES,
  ...APPOINTMENT_ERROR_MESSAGES,
  ...SERVICE_POINT_ERROR_MESSAGES,
  ...HOME_VISIT_ERROR_MESSAGES,
};

export interface DescribedError {
  /** Machine code (for tests and logs; shown to users only next to the Chinese message). */
  code: string;
  title: string;
  /** The server's explanation, when it adds something to the title. */
  detail?: string;
  hint?: string;
  /** The error id of an INTERNAL error, for the operations team. */
  errorId?: string;
  /** Field-level problems (VALIDATION_FAILED / FORM_INVALID), when the server lists them. */
  fields?: string[];
  /** UNKNOWN: the request may still have been done (a timeout behind the gateway); NOT_DONE: nothing was written. */
  outcome?: 'UNKNOWN' | 'NOT_DONE';
}

const CJK = /[\u4e00-\u9fff]/;

/** A code read from the wire narrowed to the contracts' union (the UI imports contracts for types only). */
export function isKnownCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code);
}

/** Server messages are shown only if they are Chinese sentences (never English internals or stacks). */
function usableDetail(message: string | undefined, title: string): string | undefined {
  if (!message) return undefined;
  const firstLine = message.split('\n')[0].trim();
  if (!CJK.test(firstLine) || firstLine === title || firstLine.length > 300) return undefined;
  return firstLine;
}

function fieldProblems(ext: Record<string, unknown> | undefined): string[] | undefined {
  const details = ext?.['details'];
  if (!Array.isArray(details)) return undefined;
  const lines = details.flatMap((d): string[] => {
    if (typeof d === 'string') return [d];
    if (typeof d !== 'object' || d === null) return [];
    const o = d as Record<string, unknown>;
    if (Array.isArray(o['problems'])) {
      const name = typeof o['label'] === 'string' ? (o['label'] as string) : undefined;
      const text = (o['problems'] as unknown[]).map(String).join('，');
      // Problems that already name their field (the platform's validation sentences) stand alone.
      return [name && !text.startsWith(name) ? `${name}：${text}` : text];
    }
    if (typeof o['message'] === 'string') return [o['message'] as string];
    return [];
  });
  const chinese = lines.filter((s) => CJK.test(s));
  return chinese.length ? chinese : undefined;
}

export function describeGraphQLError(e: GraphQLFormattedError): DescribedError {
  const ext = e.extensions as Record<string, unknown> | undefined;
  const code = typeof ext?.['code'] === 'string' ? (ext['code'] as string) : 'INTERNAL';
  const known = isKnownCode(code) ? ERROR_MESSAGES[code] : undefined;
  const title = known?.title ?? '操作未能完成';
  const details = ext?.['details'] as Record<string, unknown> | undefined;
  const rawId = ext?.['errorId'] ?? (details && !Array.isArray(details) ? details['errorId'] : undefined);
  const errorId = typeof rawId === 'string' ? rawId : undefined;
  const fields = fieldProblems(ext);
  // The field list says it all; the summary message would repeat it.
  const detail = fields ? undefined : usableDetail(e.message, title);
  const rawOutcome = details && !Array.isArray(details) ? details['outcome'] : undefined;
  const outcome = rawOutcome === 'UNKNOWN' || rawOutcome === 'NOT_DONE' ? rawOutcome : undefined;
  return { code, title, detail, hint: known?.hint ?? '请稍后重试；如持续出现，请联系运维人员。', errorId, fields, outcome };
}

/**
 * After a failed submission, whether its outcome is unknown (the network failed, or a service timed
 * out and may still commit). Then the form keeps its idempotency key: submitting again with it
 * returns what was done instead of doing it twice (查看办理结果).
 */
export function outcomeUnknown(d: DescribedError): boolean {
  return d.code === 'NETWORK' || d.outcome === 'UNKNOWN';
}

/** One user-facing description of whatever went wrong with a GraphQL call. */
export function describeError(err: unknown): DescribedError {
  if (err instanceof ApolloError) {
    if (err.graphQLErrors.length > 0) return describeGraphQLError(err.graphQLErrors[0]);
    const net = err.networkError as (ServerError & ServerParseError) | null;
    if (net) {
      const result = (net as ServerError).result as { errors?: GraphQLFormattedError[] } | undefined;
      if (result && typeof result === 'object' && Array.isArray(result.errors) && result.errors.length > 0) return describeGraphQLError(result.errors[0]);
      if (net.statusCode === 401) return { code: 'UNAUTHENTICATED', ...ERROR_MESSAGES.UNAUTHENTICATED };
      if (net.statusCode && net.statusCode >= 500) return { code: 'SERVICE_UNAVAILABLE', ...ERROR_MESSAGES.SERVICE_UNAVAILABLE };
      return { code: 'NETWORK', title: '无法连接服务器', hint: '请检查网络连接后重试。' };
    }
  }
  if (err && typeof err === 'object' && 'extensions' in err) return describeGraphQLError(err as GraphQLFormattedError);
  return { code: 'CLIENT', title: '操作未能完成', hint: '请刷新页面后重试。' };
}

/**
 * The sign-in form's failures: whatever the issuer calls a refused sign-in (INVALID_CREDENTIALS, or
 * UNAUTHENTICATED from an older server) is a wrong user name or password there, never "登录已失效".
 */
export function describeLoginError(err: unknown): DescribedError {
  const d = describeError(err);
  if (d.code !== 'UNAUTHENTICATED' && d.code !== 'INVALID_CREDENTIALS') return d;
  return { ...d, code: 'INVALID_CREDENTIALS', ...ERROR_MESSAGES.INVALID_CREDENTIALS, detail: undefined };
}

/** One line for a toast: "title：detail". */
export function errorText(err: unknown): string {
  const d = describeError(err);
  return d.detail ? `${d.title}：${d.detail}` : d.title;
}
