/** Chinese names for the audit actions and entities the BFF records; unknown ones show as recorded. */
export const auditActionLabels: Record<string, string> = {
  bootstrapAdmin: '创建首个管理员',
  changePassword: '修改密码',
  createStaff: '新增工作人员',
  updateStaff: '修改工作人员账号',
  inviteStaff: '生成绑定邀请码',
  bindWechat: '绑定微信',
  createDepartment: '新增部门',
  createConsultation: '新建意见征集',
  updateConsultation: '修改意见征集',
  publishConsultation: '发布意见征集',
  reviseDraft: '修订草案',
  changeWindow: '调整征集期限',
  moderateOpinion: '审核意见',
  answerOpinion: '答复意见',
  createGroup: '归并意见',
  updateGroup: '修改意见归并',
  answerGroup: '答复归并意见',
  publishFeedback: '公布采纳情况',
  createEvent: '新建活动',
  publishEvent: '发布活动',
  cancelEvent: '取消活动',
  reviewRegistration: '审核报名',
  drawLottery: '抽签',
  redrawLottery: '重新抽签',
  recordOutcome: '记录活动结果',
  readContactData: '查看个人信息',
}

/** How personal contact data was read (`after.via` of a readContactData entry). */
export const contactReadLabels: Record<string, string> = {
  listStaffOpinions: '查看意见原文及联系方式',
  exportOpinions: '导出意见及联系方式',
  listRegistrations: '查看报名名单',
  exportRegistrations: '导出报名名单',
  listEventOpinions: '查看活动意见原文',
  checkIn: '签到核验姓名',
}

export const auditEntityLabels: Record<string, string> = {
  staff: '工作人员',
  department: '部门',
  consultation: '意见征集',
  opinion: '意见',
  opinionGroup: '意见归并',
  event: '活动',
  registration: '报名',
}
