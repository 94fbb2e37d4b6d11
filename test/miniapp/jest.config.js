// Components and hooks of the mini-program in jsdom with Testing Library; platform calls are
// mocked at the boundary (@tarojs/taro, @tarojs/components).
module.exports = require('../jest.base')('miniapp', {
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/test/miniapp/setup.ts'],
  // ECharts (the statistics charts) ships ES modules only: compile it like app code.
  transformIgnorePatterns: ['/node_modules/(?!(echarts|zrender)/)'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/miniapp/taroMock.ts',
    // @tarojs/components/lib/react needs Taro's web runtime and its build-time globals: see componentsMock
    '^@tarojs/components$': '<rootDir>/test/miniapp/componentsMock.tsx',
    '^@gm/shared$': '<rootDir>/shared/src/index.ts',
    '\\.(s?css)$': '<rootDir>/test/miniapp/styleStub.js',
  },
})
