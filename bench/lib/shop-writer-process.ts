// Entry of the read benchmark's writer process (see shop-writer.ts); argument: its options as JSON.
import { serveShopWriter, type ShopWriterOptions } from './shop-writer.ts';

await serveShopWriter(JSON.parse(process.argv[2]!) as ShopWriterOptions);
