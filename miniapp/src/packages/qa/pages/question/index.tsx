// The page a 「政策咨询已答复」 message links to (`?id=`): 我的提问 with that question marked.
export { default } from '../questions/index'
