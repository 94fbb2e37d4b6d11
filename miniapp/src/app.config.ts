export default defineAppConfig({
  pages: [
    'pages/consultations/index',
    'pages/events/index',
    'pages/qa/index',
    'pages/mine/index',
  ],
  subPackages: [
    { root: 'packages/consultation', pages: ['pages/detail/index', 'pages/opinion/index', 'pages/feedback/index'] },
    { root: 'packages/event', pages: ['pages/detail/index', 'pages/signup/index', 'pages/draw/index'] },
    { root: 'packages/qa', pages: ['pages/detail/index', 'pages/policy/index', 'pages/interpretation/index', 'pages/ask/index', 'pages/questions/index', 'pages/question/index', 'pages/staff-questions/index'] },
    { root: 'packages/decision', pages: ['pages/list/index', 'pages/detail/index'] },
    { root: 'packages/me', pages: ['pages/login/index', 'pages/notifications/index', 'pages/data/index', 'pages/opinions/index', 'pages/registrations/index'] },
    {
      root: 'packages/staff',
      pages: [
        'pages/login/index',
        'pages/password/index',
        'pages/home/index',
        'pages/bind/index',
        'pages/consultations/index',
        'pages/consultation/index',
        'pages/consultation-form/index',
        'pages/opinions/index',
        'pages/groups/index',
        'pages/events/index',
        'pages/event/index',
        'pages/event-form/index',
        'pages/event-draw/index',
        'pages/check-in/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#b5121b',
    navigationBarTitleText: '政民互动',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#3c3c3c',
    selectedColor: '#b5121b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/consultations/index', text: '意见征集' },
      { pagePath: 'pages/events/index', text: '活动报名' },
      { pagePath: 'pages/qa/index', text: '政策问答' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // H5 only: Taro's slide transition hides the previous page on a timer that a quick 返回 does not
  // cancel, leaving a blank screen; pages switch at once instead (also kinder to older eyes).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
})
