// The desktop shell's native parts (electron/): application menu and dialogs.
// The product, studio and organisation names come from `app`.
export const shell = {
  menu: {
    file: '文件',
    lock: '锁定',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    devTools: '开发者工具',
    help: '帮助',
    about: '关于向阳',
  },
  about: {
    title: '关于向阳',
    version: '版本 {version}',
    ok: '确定',
  },
  startup: {
    failedTitle: '向阳无法启动',
    failedDetail: '启动时发生错误。请联系管理员，并提供日志文件：{log}',
  },
};
