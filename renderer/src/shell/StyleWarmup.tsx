// antd computes each component's styles (@ant-design/cssinjs) the first time one is rendered in
// a page load, and writes them into a <style>, which restyles the whole document. Done on the
// click that opens 首页 or 儿童档案, that was about a third of the page's own work there
// (issue 19 #6). This renders, hidden, one of each component those two screens and the shell
// use, once the page is idle on the sign-in screen (while the passphrase is typed and the KDF
// runs), so their styles are made then. It stays mounted: cssinjs takes a component's <style>
// out of the page when its last user unmounts, and putting it back restyles the document again.
// Nothing here has text or a role: it is display:none, out of the accessibility tree, and holds
// nothing a screen or a test could find by its name. No headings either (a Title's styles are
// Typography's, made by the Text below): a page's heading is found by its tag.
import { SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Input,
  Layout,
  Menu,
  Modal,
  Pagination,
  Progress,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { memo, startTransition, useEffect, useState } from 'react';

const MENU_ITEMS = [{ key: 'a', icon: <SearchOutlined />, label: '' }];

export const StyleWarmup = memo(function StyleWarmup() {
  // A transition: a click on 登录 while this renders is not held up by it.
  const [on, setOn] = useState(false);
  useEffect(() => startTransition(() => setOn(true)), []);
  if (!on) return null;
  return (
    <div hidden aria-hidden data-style-warmup="">
      <Layout>
        <Layout.Header />
        <Layout.Sider theme="light" />
      </Layout>
      <Menu mode="inline" items={MENU_ITEMS} selectedKeys={['a']} />
      <Card size="small" title=" " extra=" " />
      <Card />
      <Typography.Text type="secondary" />
      <Typography.Paragraph type="secondary" />
      <Tag color="blue" />
      <Badge count={1} size="small" />
      <Button icon={<SearchOutlined />} />
      <Button type="primary" />
      <Button type="link" />
      <Space.Compact>
        <Button />
      </Space.Compact>
      <Tooltip title=" ">
        <span />
      </Tooltip>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14} />
      </Row>
      <Flex />
      <Spin />
      <Alert type="info" showIcon title=" " />
      <Progress percent={0} size="small" />
      <Input prefix={<SearchOutlined />} allowClear />
      <Select allowClear options={[]} style={{ width: 100 }} />
      <Checkbox />
      <Pagination size="small" align="end" current={1} pageSize={10} total={10} showSizeChanger={false} />
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description=" " />
      <Modal open={false} />
    </div>
  );
});
