// The colloquial-to-official synonym dictionary for Q&A search (built-in entries plus staff ones) and its lookup in a query.
import { hasFunctionCharacter, normalize, phraseTokens } from './analyzer'

/**
 * The colloquial dictionary: what citizens say → what the library says. Built-in entries cover
 * everyday words for the common services (social insurance, housing fund, driving, residence,
 * childbirth, elderly care…); staff extend it with their own (table `qa_synonym`).
 *
 * An entry `口语 口语2 => 规范 规范2` expands a query containing any left-hand term with every
 * right-hand term; `甲 = 乙 = 丙` makes the terms equivalent. Expansions add to the query, never
 * replace it: the citizen's own words still count.
 */
export const BUILT_IN_SYNONYMS: readonly string[] = [
  // 社保、医保、养老
  '社保 => 社会保险',
  '社保卡 医保卡 => 社会保障卡',
  '医保卡 医保本 => 医保个人账户',
  '医保 => 医疗保险 基本医疗保险',
  '退休金 退休工资 养老钱 退休费 => 基本养老金 养老金',
  '养老钱 交的养老 => 养老保险 个人账户',
  '断缴 断交 停缴 => 中断缴费',
  '补交 => 补缴',
  '交社保 => 缴纳社会保险',
  '交钱 交费 怎么交 => 缴费 缴纳',
  '没交 没缴 欠费 => 未缴 欠缴 逾期',
  '失业金 失业费 => 失业保险金 失业补助金',
  '丢了工作 没了工作 没工作 下岗 => 失业',
  '工伤 => 工伤认定',
  '多少岁 几岁 岁数 => 年龄',
  '去世 过世 死了 走了 不在了 => 死亡 遗属 继承',
  // 住房、不动产、公积金
  '公积金 => 住房公积金',
  '房本 房产本 房产证 房证 => 不动产权证书 产权证 房屋所有权证',
  '买房 => 购房 购买住房',
  '租房 租房子 => 租赁住房 租房',
  '房租 => 租金',
  '公租房 => 公共租赁住房 公租房',
  '廉租房 => 公共租赁住房',
  '经适房 => 经济适用住房',
  '二手房 => 存量房 二手房',
  '房子 => 房屋',
  '过户 => 转移登记 过户',
  '商贷 => 商业贷款',
  '利息 => 利率',
  '最多 => 最高',
  '多少钱 => 额度 金额 标准',
  '取出来 取钱 提出来 拿出来 => 提取 支取',
  '转过去 转到 转回 => 转移 转入 转出',
  '并成一个 合成一个 合到一起 => 合并',
  '老婆 媳妇 老公 丈夫 妻子 => 配偶 爱人',
  '家里人 家人 家属 => 家庭成员 家庭 亲属',
  '搬家 搬走 => 变更地址 变化',
  // 证件、户籍
  '暂住证 => 居住证 居住登记卡',
  '户口 => 户籍',
  '户口本 => 户口簿',
  '上户口 落户口 => 落户 户籍登记',
  '身份证 => 居民身份证 身份证',
  '丢了 弄丢 丢失了 找不到了 掉了 => 丢失 遗失 补办',
  '补办 补一个 再办一个 => 补办 补领 补换',
  '换新的 换一个 换本 => 换证 换领 更换',
  '在哪查 怎么查 去哪查 哪里查 查一下 查一查 在哪看 => 查询',
  '手机上 网上 线上 在手机 => 网上 在线 线上',
  '领证 结婚证 => 结婚登记',
  // 生育、儿童、老人、残疾
  '生孩子 生娃 生小孩 生宝宝 生完孩子 怀孕 => 生育',
  '产检 => 产前检查',
  '孩子 小孩 娃 小朋友 宝宝 => 子女 儿童',
  '一胎 头胎 第一个孩子 生第一个 => 一孩',
  '二胎 第二个孩子 二宝 => 二孩',
  '三胎 第三个孩子 => 三孩',
  '避孕套 => 避孕药具',
  '上学 读书 => 入学',
  '老人 => 老年人',
  '老年卡 老人卡 => 养老助残卡',
  '八九十岁 八十岁 九十岁 上了年纪 年纪大 => 高龄',
  '瘫痪 瘫在床上 卧床 不能自理 生活不能自理 => 失能',
  '重残 => 重度残疾',
  '补助 = 补贴 = 津贴',
  '钱 => 资金 费用',
  // 单字：只在单独成词时展开（交通的“交”不算）
  '交 => 缴纳 缴费',
  '查 => 查询',
  '补 => 补办 补领',
  '换 => 换领 更换',
  '丢 => 丢失 遗失',
  '卖 卖掉 => 出售 转让',
  '买 => 购买 购置',
  // 就业、劳动
  '工资 => 工资 薪酬',
  '加班费 => 加班加点工资 加班工资',
  '带薪假 年假 带薪休假 => 年休假',
  '辞职 离职 跳槽 不干了 => 离职 解除劳动合同',
  '被辞退 被开除 炒鱿鱼 裁员 => 解除劳动合同 辞退',
  '老板 公司 单位 => 用人单位',
  '签合同 => 签订劳动合同',
  '毕业生 大学生 => 高校毕业生',
  '开公司 办公司 注册公司 开店 办企业 => 创业 设立企业 营业执照',
  // 税
  '个税 => 个人所得税',
  '抵税 减税 免税 少交税 => 扣除 税收优惠 减免',
  '高企 高新企业 => 高新技术企业',
  '研发花的钱 研发的钱 => 研发费用',
  // 交通、车辆
  '驾照 驾驶本 驾驶执照 车本 => 驾驶证',
  '电子驾照 => 电子驾驶证',
  '行驶本 => 行驶证',
  '年审 车检 验车 => 年检 检验',
  '罚单 => 罚款 处罚',
  '违章 => 违法',
  '扣分 => 记分',
  '酒驾 喝酒开车 酒后开车 => 饮酒驾驶 酒后驾驶',
  '醉驾 => 醉酒驾驶',
  '摇号 => 小客车指标 指标 中签',
  '进京证 => 进京通行证',
  '电车 新能源车 电动汽车 => 新能源汽车 纯电动',
  '限号 => 尾号限行 限行',
  '牌照 车牌 车牌照 => 号牌',
  '客车 => 载客汽车',
  '开车 => 驾车 行车',
  '积水 水坑 => 涉水 积水',
  '下雪天 下雪 => 雪天 降雪',
  '滴滴 专车 快车 => 网约车 网络预约出租汽车',
  '开滴滴 跑滴滴 开网约车 跑网约车 => 网约车驾驶员 网络预约出租汽车驾驶员证',
  '网约车 => 网络预约出租汽车',
  '出租车 的士 打车 => 出租汽车',
  '电动车 电瓶车 电驴 => 电动自行车',
  '带人 => 载人',
  '开票 开发票 => 发票',
  '车祸 撞车 => 交通事故',
  '外地 外省 => 异地 外埠 外省市',
  '路边 马路边 路旁 => 道路',
  '号 => 指标 号牌',
  '外地人 => 非本市户籍 外埠',
  '坐飞机 => 乘机 登机',
  '坐高铁 坐火车 坐动车 => 铁路 乘车 火车',
  // 医疗
  '看病 => 就医 就诊 医疗',
  '住院 => 住院 就医',
  // 生活、安全
  '狗 狗狗 => 犬',
  '养狗 => 养犬',
  '狗证 => 养犬登记证',
  '狗咬 被狗咬 => 狂犬病 犬伤',
  '打疫苗 => 接种 疫苗',
  '剩饭剩菜 剩菜剩饭 菜叶 => 厨余垃圾',
  '装修垃圾 => 建筑垃圾',
  '乱倒 乱扔 => 倾倒 抛撒',
  '违建 私搭乱建 => 违法建设',
  '噪音 => 噪声',
  '打雷 => 雷电 雷击',
  '逃生 => 求生 自救 避险',
  '烫到 => 烫伤',
  '烧煤 烧炉子 => 煤气 燃煤 一氧化碳',
  '挖出来 挖到 挖出 => 发现',
  // 说法
  '特点 => 特性 特征',
  '不对 错了 => 有误 错误 疑问',
  // 办事的一般说法（问答库的书面语 ← 口语）
  '过期 超期 => 逾期 期满',
  '在哪办 去哪办 哪里办 在哪里办 => 办理地点 受理地点',
  '电话多少 电话号码 => 联系电话 咨询电话',
  '要钱吗 收费吗 花钱吗 => 收费 费用',
  '不要钱 => 免费',
  '退钱 退款 => 退费 退还',
  '扣钱 => 扣除 扣款',
  '忘了 => 忘记',
  '登不上 登录不了 进不去 => 无法登录 登录',
  '没收到 => 未收到',
  '改名 改名字 => 变更姓名 姓名变更',
  '手机号 => 手机号码',
  '网上办 手机办 => 网上办理 在线办理',
  '司机 => 驾驶人 驾驶员',
  '上保险 交保险 => 参保',
  '医药费 看病的钱 => 医疗费用',
  '报多少 能报多少 => 报销比例 报销标准',
  '贷款买房 房贷 => 住房贷款 购房贷款',
  '还房贷 还贷 => 还款 住房贷款',
  '打官司 => 仲裁 诉讼',
  '劳动纠纷 => 劳动争议',
  '不发工资 欠薪 拖欠工资 => 拖欠工资 劳动报酬',
  '出国 => 出境',
  // 更多日常说法：地点、时间、人、事（一般语言知识，不针对某一条）
  '外面 外头 => 室外 户外',
  '屋里 家里头 => 室内',
  '过年 大年三十 年三十 => 春节',
  '鞭炮 炮仗 放炮 => 烟花爆竹',
  '掉水里 掉河里 落水 淹着了 淹水 => 溺水',
  '中介 房产中介 => 房地产经纪 经纪机构',
  '一开始 刚开始 最开始 原始 => 初始',
  '大雪 => 暴雪 雪天',
  '大雨 => 暴雨',
  '拼车 顺风车 => 合乘',
  '收钱 => 收费',
  '申请 => 申领 申报',
  '领 => 申领 领取',
  '材料 = 资料',
  '外省 => 跨省',
  '好几辆车 几辆车 多辆车 => 多车',
  '被抢 抢东西 => 抢劫',
  '被偷 小偷 偷东西 => 盗窃',
  '被骗 骗子 骗钱 => 诈骗',
  '私家车 家用车 => 家用小客车 小客车',
  '老伴 => 配偶',
  '闺女 儿子 女儿 => 子女',
  '爸妈 父母亲 爹妈 => 父母',
  '老头 老太太 老大爷 大爷 大妈 => 老年人',
  '报销 => 结算',
  '改成 改为 => 变更 转为',
  '抵多少 扣多少 能抵多少 能扣多少 => 比例 标准',
  '怎么罚 罚多少 罚款多少 => 处罚',
  '核磁 => 核磁共振',
  '手机软件 => 客户端',
  '热晕 => 中暑',
  '步骤 => 流程',
  '发大水 大水 涨水 => 洪水 洪灾 洪涝',
  '防病 生病 传染 => 传染病 疾病',
  '维修基金 => 维修资金',
  '押金 => 保证金 押金',
  '今天 => 当天 当日',
  '能用 管用 => 生效 有效',
  '走路 => 行人 步行',
  '下雨 下大雨 => 雨天 降雨 雨中',
  '找到工作 找着工作 上班了 => 就业',
  '养老院 敬老院 => 养老服务机构 养老机构',
  '拿药 开药 => 取药 药品',
  '打针 => 注射',
  '轮椅 拐杖 => 辅助器具',
  '保姆 => 家政',
  '幼儿园 托儿所 => 托育 入园',
  '低保 低保户 => 最低生活保障',
  '照相 拍照 => 照片',
  '迁户口 户口迁走 => 迁出 迁移',
  '开证明 => 出具证明',
  '审批 批准 => 许可 行政许可',
  '租房的人 租客 房客 => 承租人',
  '房东 => 出租人',
  // 问答库常用书面词的口语说法
  '碰到 碰上 赶上 遇上 => 遇到 遭遇',
  '备个案 报备 => 备案',
  '交材料 递材料 => 提交',
  '评上 评定 => 认定',
  '付钱 付款 给钱 => 支付',
  '约号 排号 => 预约',
  '打听 => 咨询',
  '代办 找人办 替我办 让别人办 => 委托 代办',
  '打零工 零工 小时工 按小时 => 非全日制',
  '派遣工 => 劳务派遣',
  '指定医院 => 定点医院 定点医疗机构',
  '单车 共享单车 => 自行车 公共自行车',
  '着火 失火 起火 => 火灾',
  '被传染 传上 => 感染',
  '征信 => 信用',
  '古董 老物件 => 文物',
  '身体检查 查体 => 体检',
  '体彩 => 体育彩票',
  '救人 抢救 => 急救',
  '到期 => 有效期 期满',
  '打出来 => 打印',
  '扔垃圾 倒垃圾 => 垃圾 投放',
  '北京牌照 北京车牌 北京号牌 => 京牌',
  '过到 过给 => 过户 转移',
  '第一次 头一次 头一回 => 初次 首次',
  '分几种 有几种 哪几种 几种 => 种类 类型',
  '有啥用 有什么用 干啥用 => 作用 用途',
  '建的 建立的 => 成立',
  '练过 没练过 => 训练',
  // 常见错别字与异体写法（输入法同音、旧写法）
  '登陆 = 登录',
  '帐户 => 账户',
  '帐号 => 账号',
  '帐单 => 账单',
  '按装 => 安装',
  '身分证 => 身份证',
]

export interface SynonymEntry {
  terms: string[]
  expansions: string[]
}

/** Parse `a b => c d` (one way) or `a = b = c` (equivalent). */
export function parseSynonymLine(line: string): SynonymEntry[] {
  if (line.includes('=>')) {
    const [left = '', right = ''] = line.split('=>')
    return [{ terms: words(left), expansions: words(right) }]
  }
  const group = line.split('=').flatMap(words)
  return group.map((term) => ({ terms: [term], expansions: group.filter((t) => t !== term) }))
}

const words = (side: string) => side.trim().split(/\s+/).filter(Boolean)

/** An expansion found in a query: the target phrase and how much each of its tokens weighs. */
export interface Expansion {
  /** Where the matched term is in the normalised query. */
  start: number
  end: number
  term: string
  phrase: string
  /** The expansion is the reverse of a one-way entry (formal word in the query, colloquial in the library). */
  reverse: boolean
}

/**
 * Lookup of dictionary terms in a query. Terms are matched on the normalised text, longest first
 * at each position, overlaps allowed (a query can hold 社保卡 and, inside it, 社保).
 */
export class SynonymTable {
  private readonly forward = new Map<string, Set<string>>()
  private readonly backward = new Map<string, Set<string>>()
  private readonly byFirst = new Map<string, string[]>()
  readonly size: number

  constructor(entries: SynonymEntry[]) {
    for (const { terms, expansions } of entries) {
      for (const raw of terms) {
        const term = normalize(raw)
        for (const e of expansions) {
          const exp = normalize(e)
          if (exp === term) continue
          add(this.forward, term, exp)
          add(this.backward, exp, term)
        }
      }
    }
    const keys = new Set([...this.forward.keys(), ...this.backward.keys()])
    for (const key of keys) {
      const list = this.byFirst.get(key.charAt(0)) ?? []
      list.push(key)
      this.byFirst.set(key.charAt(0), list)
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length)
    this.size = this.forward.size
  }

  static from(lines: readonly string[], extra: SynonymEntry[] = []): SynonymTable {
    return new SynonymTable([...lines.flatMap(parseSynonymLine), ...extra])
  }

  /** Every term of the dictionary, both sides of each entry. */
  terms(): string[] {
    return [...this.byFirst.values()].flat()
  }

  /** Every dictionary term in `query` with what it expands to. */
  expand(query: string): Expansion[] {
    const s = normalize(query)
    const found: Expansion[] = []
    for (let i = 0; i < s.length; i++) {
      const candidates = this.byFirst.get(s.charAt(i))
      if (!candidates) continue
      for (const term of candidates) {
        if (!s.startsWith(term, i)) continue
        for (const phrase of this.forward.get(term) ?? []) found.push({ start: i, end: i + term.length, term, phrase, reverse: false })
        // Back from the formal word to a colloquial one the library may use; only to short,
        // word-like colloquial terms (社保卡, 驾照), never to phrases like 找不到了.
        for (const phrase of this.backward.get(term) ?? []) {
          if (this.forward.get(term)?.has(phrase) || phrase.length > 3 || hasFunctionCharacter(phrase)) continue
          found.push({ start: i, end: i + term.length, term, phrase, reverse: true })
        }
      }
    }
    // A term inside a longer term the citizen wrote is not a word of its own there: 丢了工作 is
    // 失业, not something 丢了 (lost); 社保卡 is a card, not 社保 (insurance).
    const longest = found.filter((e) => !found.some((f) => f.start <= e.start && f.end >= e.end && f.end - f.start > e.end - e.start))
    // A phrase reached from several terms counts once, at its first (longest) match.
    const seen = new Set<string>()
    return longest
      .filter((e) => (seen.has(e.phrase) ? false : (seen.add(e.phrase), true)))
      .filter((e) => phraseTokens(e.phrase).length > 0 || e.phrase.length === 1)
  }
}

function add(map: Map<string, Set<string>>, key: string, value: string) {
  const set = map.get(key) ?? new Set<string>()
  set.add(value)
  map.set(key, set)
}
