import {
  applyMasks,
  findPersonalInfo,
  isValidResidentId18,
  maskFor,
  type PersonalInfoKind,
  personalInfoLabels,
  passesLuhn,
  spanProblem,
  unmaskedPersonalInfo,
} from '../../shared/src/rules/personalInfo'

const found = (text: string) => findPersonalInfo(text).map((m) => [m.kind, m.text])

describe('findPersonalInfo', () => {
  it.each([
    // Resident ID numbers
    ['an 18-digit ID ending in X', '我的身份证号是11010519491231002X，请帮忙查询', [['ID_NUMBER', '11010519491231002X']]],
    ['an ID with a lower-case x', '身份证11010519491231002x丢了', [['ID_NUMBER', '11010519491231002x']]],
    ['a 15-digit first-generation ID', '老身份证号110105491231002还能用吗', [['ID_NUMBER', '110105491231002']]],
    ['an ID written 6-8-4', '证件号 110105 19491231 002X', [['ID_NUMBER', '110105 19491231 002X']]],
    ['an ID that also passes Luhn as an ID, not a card', '身份证：320102198506151068', [['ID_NUMBER', '320102198506151068']]],
    // Mobile numbers
    ['a mobile number', '有问题请打13800138000联系我', [['PHONE', '13800138000']]],
    ['a mobile number in groups', '电话 138 0013 8000 白天都在', [['PHONE', '138 0013 8000']]],
    ['a mobile number with +86 and dashes', '境外请拨+86-139-1234-5678', [['PHONE', '+86-139-1234-5678']]],
    ['full-width digits', '手机：１３９１２３４５６７８', [['PHONE', '１３９１２３４５６７８']]],
    // Landlines
    ['a landline with an extension', '办公室电话0571-87654321转8001', [['LANDLINE', '0571-87654321转8001']]],
    ['a Beijing landline in full-width brackets', '请拨（010）87654321咨询', [['LANDLINE', '（010）87654321']]],
    // E-mail, plates, bank cards
    ['an e-mail address', '材料已发到zhang.san_2026@example.com.cn，请查收', [['EMAIL', 'zhang.san_2026@example.com.cn']]],
    ['an e-mail whose local part is a mobile number', '邮箱13800138000@163.com', [['EMAIL', '13800138000@163.com']]],
    ['a plate', '车牌号浙A12345的车长期占用消防通道', [['PLATE', '浙A12345']]],
    ['a new-energy plate', '我的新能源车粤BD12345被贴了罚单', [['PLATE', '粤BD12345']]],
    ['a bank card number', '补贴请打到6222021234567890128', [['BANK_CARD', '6222021234567890128']]],
    ['a bank card in groups of four', '卡号 6222 0212 3456 7890 128', [['BANK_CARD', '6222 0212 3456 7890 128']]],
    // Addresses: the detailed part, not the district
    ['a road and house number down to the room', '我家住在高新区创业路88号3栋2单元501室，楼下很吵', [['ADDRESS', '创业路88号3栋2单元501室']]],
    ['an estate, building, unit and room', '家住幸福小区5号楼2单元302，电梯坏了', [['ADDRESS', '幸福小区5号楼2单元302']]],
    ['a village group', '我是红星村3组的村民', [['ADDRESS', '红星村3组']]],
    ['a road after a province and city', '地址：江苏省南京市玄武区中山北路100号', [['ADDRESS', '中山北路100号']]],
    // Names
    ['a name after 我叫', '我叫王小明，今年65岁', [['NAME', '王小明']]],
    ['a name after 姓名：', '姓名：张伟', [['NAME', '张伟']]],
    ['a compound surname after 联系人：', '联系人：欧阳娜娜', [['NAME', '欧阳娜娜']]],
    ['a name after 本人 followed by a comma', '本人李建国，反映小区噪音问题', [['NAME', '李建国']]],
    ['a name after 我是 followed by 的', '我是张三的邻居', [['NAME', '张三']]],
    // Names with a form of address
    ['a surname with 先生', '我是张先生，住在附近', [['NAME', '张先生']]],
    ['a surname with 女士 after 我是', '我是王女士，我是农民，我是车主', [['NAME', '王女士']]],
    [
      'several forms of address',
      '李女士、王阿姨、赵师傅、刘老师都反映过',
      [
        ['NAME', '李女士'],
        ['NAME', '王阿姨'],
        ['NAME', '赵师傅'],
        ['NAME', '刘老师'],
      ],
    ],
    ['a full name with 先生 (not just its last character)', '王小华先生多次来电', [['NAME', '王小华先生']]],
    ['a compound surname with 女士', '欧阳娜娜女士提出', [['NAME', '欧阳娜娜女士']]],
    [
      'an elder addressed by surname',
      '楼下陈大爷和孙奶奶每天在这里锻炼',
      [
        ['NAME', '陈大爷'],
        ['NAME', '孙奶奶'],
      ],
    ],
    // ID-like numbers whatever their check character
    ['an 18-digit ID with a wrong check digit', '身份证号110105194912310021', [['ID_NUMBER', '110105194912310021']]],
    ['any 18-digit number with no cue', '号码是123456789012345678', [['ID_NUMBER', '123456789012345678']]],
    ['a 15-digit number after 身份证', '身份证：999999999999999', [['ID_NUMBER', '999999999999999']]],
    ['an ID written 6-4-4-4 with a wrong check digit', '证件号 110105 1949 1231 0021', [['ID_NUMBER', '110105 1949 1231 0021']]],
    ['a card number after 卡号 that fails Luhn', '卡号6222021234567890129', [['BANK_CARD', '6222021234567890129']]],
    // Phones written with spaces and dashes
    ['a mobile number with dashes', '电话138-1234-5678', [['PHONE', '138-1234-5678']]],
    ['a landline with spaces inside the local number', '电话 0571 8765 4321', [['LANDLINE', '0571 8765 4321']]],
    [
      'a local landline number after 座机',
      '座机87654321，电话：8765-4321',
      [
        ['LANDLINE', '87654321'],
        ['LANDLINE', '8765-4321'],
      ],
    ],
    // WeChat IDs
    ['a WeChat ID after 微信号', '微信号：zhangsan_88，欢迎联系', [['WECHAT_ID', 'zhangsan_88']]],
    ['a WeChat ID after vx', '有事加vx: abc123456', [['WECHAT_ID', 'abc123456']]],
    ['a WeChat ID after VX with no separator', 'VXwang-li2026', [['WECHAT_ID', 'wang-li2026']]],
    ['a WeChat ID after wx', '加我wx lily_2000 谢谢', [['WECHAT_ID', 'lily_2000']]],
    ['a mobile number given as WeChat', '微信13812345678', [['PHONE', '13812345678']]],
    ['an internal wxid', '对方是wxid_abcd1234', [['WECHAT_ID', 'wxid_abcd1234']]],
    // Addresses as people write them
    ['an estate with spaces around the numbers', '家住幸福小区 3 栋 2 单元 501 室，楼下很吵', [['ADDRESS', '幸福小区 3 栋 2 单元 501 室']]],
    ['an estate with spaces and no 室', '幸福小区 3 栋 2 单元 501，有事找我', [['ADDRESS', '幸福小区 3 栋 2 单元 501']]],
    ['a road with spaces', '住在中山路 100 号', [['ADDRESS', '中山路 100 号']]],
    ['a road with a direction', '地址工业南路100号', [['ADDRESS', '工业南路100号']]],
    ['a building, unit and room without the estate name', '我住3号楼2单元501室', [['ADDRESS', '3号楼2单元501室']]],
    ['a tower letter, floor and room', '公司在某大厦A座12层1203室', [['ADDRESS', '某大厦A座12层1203室']]],
    ['a village group and house number', '李家庄5组12号', [['ADDRESS', '李家庄5组12号']]],
    ['a village group in Chinese numerals', '张家村二组的道路坑洼', [['ADDRESS', '张家村二组']]],
    ['a building written 3-2-501', '我住3-2-501', [['ADDRESS', '3-2-501']]],
  ] as const)('finds %s', (_, text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each([
    ['a year, an amount and a document number', '计划2026年投入500万元，依据高新管发〔2026〕12号文件执行'],
    ['an 11-digit order number starting with 10', '订单号10234567890一直没有退款'],
    ['an 18-digit order number after 订单号', '订单号123456789012345678还没发货'],
    ['dates, amounts and years', '2026年11月21日、2026-11-21、2026.11.21，投入500万元和12,345.67元，1998年至2026年'],
    ['policy document numbers', '依据〔2026〕12号、[2026]3号和【2025】108号文件'],
    ['a bare room number word and a floor', '会议在5楼会议室举行，3楼有20人'],
    ['words before a form of address that are not names', '全体老师、各位老师、班主任老师、值班医生、门卫大爷、出租车师傅、许多老师、高中老师'],
    ['a six-digit number after 微信', '微信202611'],
    ['WeChat as a product', '微信公众号和微信小程序都能提交'],
    ['a lone building number', '3号楼旁边的路灯坏了'],
    ['a lone district name', '高新区的道路规划不合理，建议拓宽'],
    ['a metro line and a time', '地铁2号线施工到晚上10点'],
    ['a date and a hotline', '2026-11-21开会，有事打12345市民热线'],
    ['a regulation number', '按照第18号令执行'],
    ['a 20-digit serial number', '流水号62220212345678901280'],
    ['phrases after 我是 and 本人 that are not names', '我是周边小区的居民，我是高三学生家长，我是苏州人，本人曾多次反映，本人应该是受害者'],
    ['roles', '我是农民，我是车主'],
  ])('ignores %s', (_, text) => {
    expect(findPersonalInfo(text)).toEqual([])
  })

  it('returns sorted, non-overlapping UTF-16 offsets into the original text', () => {
    const text = '😀我叫王小明，手机13800138000，住在高新区创业路88号3栋2单元501室，车牌浙A12345。'
    const matches = findPersonalInfo(text)
    expect(matches.map((m) => m.kind)).toEqual(['NAME', 'PHONE', 'ADDRESS', 'PLATE'])
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text)
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end)
    expect(matches[0]!.start).toBe(4) // the emoji is two UTF-16 units
  })

  it('joins a road address and the estate that follows it', () => {
    expect(found('住创业路88号阳光小区3栋2单元')).toEqual([['ADDRESS', '创业路88号阳光小区3栋2单元']])
  })
})

describe('checks behind the detectors', () => {
  it('validates the ISO 7064 MOD 11-2 check character and the birth date', () => {
    expect(isValidResidentId18('11010519491231002X')).toBe(true)
    expect(isValidResidentId18('110105194912310021')).toBe(false)
    expect(isValidResidentId18('110105194902300028')).toBe(false) // 30 February
  })

  it('applies Luhn to card numbers', () => {
    expect(passesLuhn('6222021234567890128')).toBe(true)
    expect(passesLuhn('6222021234567890129')).toBe(false)
  })
})

describe('applyMasks', () => {
  it('masks every detected item readably', () => {
    const text =
      '我叫王小明，身份证11010519491231002X，手机138 0013 8000，卡号6222021234567890128，住创业路88号3栋，邮箱zhang.san@163.com，电话0571-87654321，车牌浙A12345。'
    expect(applyMasks(text, findPersonalInfo(text))).toBe(
      '我叫王**，身份证110105********002X，手机138 **** 8000，卡号***************0128，住【已隐去：详细地址】，邮箱z***@163.com，电话0571-********，车牌浙A*****。',
    )
  })

  it.each([
    ['NAME', '张伟', '张**'],
    ['NAME', '欧阳娜娜', '欧阳**'],
    ['PHONE', '13800138000', '138****8000'],
    ['PHONE', '+86-139-1234-5678', '+86-139-****-5678'],
    ['ID_NUMBER', '110105491231002', '110105*****1002'],
    ['LANDLINE', '（010）87654321', '（010）********'],
    ['PLATE', '粤BD12345', '粤B******'],
    ['ADDRESS', '幸福小区5号楼2单元302', '【已隐去：详细地址】'],
    ['WECHAT_ID', 'zhangsan_88', '【已隐去：微信号】'],
    ['NAME', '张先生', '张**'],
    [undefined, '隔壁开超市的老李', '【已隐去】'],
  ] as const)('masks a %s as a readable placeholder', (kind, span, expected) => {
    expect(maskFor(span, kind)).toBe(expected)
  })

  it('accepts ranges in any order and leaves the rest untouched', () => {
    expect(
      applyMasks('联系人张伟，电话13800138000', [
        { start: 8, end: 19, kind: 'PHONE' },
        { start: 3, end: 5, kind: 'NAME' },
      ]),
    ).toBe('联系人张**，电话138****8000')
    expect(applyMasks('没有个人信息', [])).toBe('没有个人信息')
  })

  it.each([
    ['past the end', [{ start: 2, end: 99 }]],
    ['negative', [{ start: -1, end: 2 }]],
    ['empty', [{ start: 2, end: 2 }]],
    ['fractional', [{ start: 0.5, end: 2 }]],
    [
      'overlapping',
      [
        { start: 0, end: 3 },
        { start: 2, end: 4 },
      ],
    ],
    ['splitting an emoji', [{ start: 0, end: 1 }]],
  ])('rejects a range that is %s', (_, masks) => {
    expect(() => applyMasks('😀张伟反映情况', masks)).toThrow(RangeError)
  })
})

it('labels every kind in Chinese', () => {
  const kinds: PersonalInfoKind[] = ['ID_NUMBER', 'PHONE', 'LANDLINE', 'EMAIL', 'PLATE', 'BANK_CARD', 'ADDRESS', 'NAME', 'WECHAT_ID']
  expect(kinds.map((k) => personalInfoLabels[k])).toEqual(['身份证号', '手机号', '固定电话', '电子邮箱', '车牌号', '银行卡号', '详细地址', '姓名', '微信号'])
})

describe('unmaskedPersonalInfo', () => {
  const text = '我是张先生，手机13812345678，家住幸福小区 3 栋 2 单元 501 室'
  const all = findPersonalInfo(text)

  it('returns every detected span when nothing is masked', () => {
    expect(unmaskedPersonalInfo(text, []).map((m) => m.kind)).toEqual(['NAME', 'PHONE', 'ADDRESS'])
  })

  it('is empty when every span is masked, by one mask or by adjacent ones', () => {
    expect(unmaskedPersonalInfo(text, all)).toEqual([])
    const phone = all[1]!
    const split = [
      { start: phone.start, end: phone.start + 5 },
      { start: phone.start + 5, end: phone.end },
    ]
    expect(unmaskedPersonalInfo(text, [all[0]!, ...split, all[2]!])).toEqual([])
  })

  it('still reports a span that a mask covers only in part', () => {
    const phone = all[1]!
    expect(unmaskedPersonalInfo(text, [all[0]!, { start: phone.start, end: phone.end - 1 }, all[2]!]).map((m) => m.text)).toEqual(['13812345678'])
  })

  it('accepts a dismissal only when it contains the whole span', () => {
    const name = all[0]!
    expect(unmaskedPersonalInfo(text, all.slice(1), [{ start: name.start, end: name.end }])).toEqual([])
    expect(unmaskedPersonalInfo(text, all.slice(1), [{ start: name.start, end: name.end - 1 }]).map((m) => m.kind)).toEqual(['NAME'])
  })
})

describe('spanProblem', () => {
  it.each([
    ['in range', [{ start: 0, end: 2 }], true, null],
    ['past the end', [{ start: 2, end: 99 }], false, expect.stringContaining('超出原文')],
    ['negative', [{ start: -1, end: 2 }], false, expect.stringContaining('超出原文')],
    ['reversed', [{ start: 3, end: 1 }], false, expect.stringContaining('超出原文')],
    ['NaN', [{ start: Number.NaN, end: 2 }], false, expect.stringContaining('超出原文')],
    ['splitting an emoji', [{ start: 0, end: 1 }], false, expect.stringContaining('截断')],
    [
      'overlapping where masks must be disjoint',
      [
        { start: 2, end: 4 },
        { start: 3, end: 5 },
      ],
      true,
      expect.stringContaining('重叠'),
    ],
    [
      'overlapping where that is allowed',
      [
        { start: 2, end: 4 },
        { start: 3, end: 5 },
      ],
      false,
      null,
    ],
  ])('%s', (_, spans, disjoint, expected) => {
    expect(spanProblem('😀张伟反映情况', spans, disjoint)).toEqual(expected)
  })
})
