// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  // Builds only (TARO_ENV is set by `taro build`): jest's miniapp project keeps the contract as written.
  plugins: process.env.TARO_ENV ? [require.resolve('./config/stripEndpointSummaries.js')] : [],
}
